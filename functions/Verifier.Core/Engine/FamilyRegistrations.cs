using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Verifier.Core.Engine;

/// <summary>Registers one <see cref="IBadgeFamilyVerifier"/> per badge family and the services each needs.</summary>
internal static class FamilyRegistrations
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<Keys.IKeyResolver, Keys.KeyResolver>();
        services.TryAddSingleton<Trust.IssuerDocuments>();
        services.TryAddSingleton<Trust.IssuerKeyBinder>();
        services.TryAddSingleton(sp => new Registries.IssuerRegistries(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<VerifierOptions>>(),
            sp.GetRequiredService<Fetching.IDocumentFetcher>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Registries.IRegistryBlobReader>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<Registries.IssuerRegistries>>()));
        services.TryAddSingleton<Registries.IssuerRegistryCheck>();
        services.TryAddSingleton<Images.BadgeImageCheck>();
        services.TryAddSingleton<OpenBadges3.VcJwtVerifier>();
        services.TryAddSingleton<OpenBadges3.SchemaChecker>();
        services.TryAddSingleton<OpenBadges3.RefreshCheck>();
        services.TryAddSingleton<Status.StatusListLoader>();
        services.TryAddSingleton<Status.StatusChecker>();
        services.AddSingleton<IBadgeFamilyVerifier, OpenBadges3.Ob3Verifier>();
        services.AddSingleton<OpenBadges2.Signed.RsaKeyCache>();
        services.AddSingleton<OpenBadges2.ParsedDocumentCache>();
        services.AddSingleton<IBadgeFamilyVerifier, OpenBadges2.Ob2Verifier>();
        services.TryAddSingleton<LinkedData.Contexts.IContextLoader>(Proofs.ContextLoaderFactory.Create);
        services.TryAddSingleton<Proofs.ILinkedDataConverter>(sp => (sp.GetService<LinkedData.JsonLd.JsonLdProcessor>()
                ?? (sp.GetService<LinkedData.Contexts.IContextLoader>() is { } loader ? new LinkedData.JsonLd.JsonLdProcessor(loader) : null)) is { } jsonLd
            ? new Proofs.JsonLdLinkedDataConverter(jsonLd)
            : new Proofs.UnavailableLinkedDataConverter());
        services.TryAddSingleton<Proofs.IEmbeddedProofVerifier, Proofs.DataIntegrityProofVerifier>();
    }
}
