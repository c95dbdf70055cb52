using Verifier.Core.Engine;
using Verifier.Core.Input;

namespace Verifier.Core.OpenBadges3;

/// <summary>Open Badges 3.0 / CLR 2.0 credentials. Placeholder until the OB 3.0 verifier lands.</summary>
public sealed class Ob3Verifier : IBadgeFamilyVerifier
{
    public BadgeFamily Family => BadgeFamily.OpenBadges3;

    public Task VerifyAsync(ResolvedPayload payload, VerificationContext context, CancellationToken cancellationToken)
    {
        context.OpenBadgesVersion = "3.0";
        context.Checks.Skip("ob3.proof", "Open Badges 3.0 credentials are not verified yet by this version of the verifier");
        return Task.CompletedTask;
    }
}
