using Verifier.Core.Input;

namespace Verifier.Core.Engine;

/// <summary>Verifies one family of badges (OB 2.0 and older, or OB 3.0 / CLR 2.0), writing checks into the context.</summary>
public interface IBadgeFamilyVerifier
{
    BadgeFamily Family { get; }

    Task VerifyAsync(ResolvedPayload payload, VerificationContext context, CancellationToken cancellationToken);
}
