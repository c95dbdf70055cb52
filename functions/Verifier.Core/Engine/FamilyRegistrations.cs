using Microsoft.Extensions.DependencyInjection;

namespace Verifier.Core.Engine;

/// <summary>Registers one <see cref="IBadgeFamilyVerifier"/> per badge family and the services each needs.</summary>
internal static class FamilyRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IBadgeFamilyVerifier, OpenBadges3.Ob3Verifier>();
        services.AddSingleton<OpenBadges2.Signed.RsaKeyCache>();
        services.AddSingleton<OpenBadges2.ParsedDocumentCache>();
        services.AddSingleton<IBadgeFamilyVerifier, OpenBadges2.Ob2Verifier>();
    }
}
