namespace Verifier.Core.Engine;

/// <summary>
/// What a nested credential is attached to, and so what it must be about (docs/security.md rule 6): a CLR member is
/// about the CLR's subject; an endorsement's subject is the credential, achievement or issuer it sits on; a refreshed
/// credential has the same issuer, subject and achievement as the one it refreshes. Null members are not checked.
/// </summary>
/// <param name="Role">Where it sits, for messages ("a CLR's member", "an endorsement of the credential"…).</param>
public sealed record AttachedTo(string Role)
{
    /// <summary>The subject the nested credential's credentialSubject must identify (id or identifiers).</summary>
    public SubjectIdentity? Subject { get; init; }

    /// <summary>The id the nested credential's credentialSubject.id must be (endorsements).</summary>
    public string? SubjectId { get; init; }

    /// <summary>The issuer the nested credential must have.</summary>
    public string? IssuerId { get; init; }

    /// <summary>The achievement id the nested credential's subject must hold.</summary>
    public string? AchievementId { get; init; }
}

/// <summary>
/// Who a credential is about: its credentialSubject.id, else its identifiers (type, hash or value, salt). Two
/// subjects are the same when their ids are equal, or when they share an identifier written identically — a salted
/// hash can only be compared with the same hash.
/// </summary>
public sealed record SubjectIdentity(string? Id, IReadOnlyList<string> Identifiers)
{
    public bool IsEmpty => Id is null && Identifiers.Count == 0;

    public bool Matches(SubjectIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Id is not null || other.Id is not null)
        {
            return Id is not null && Trust.WebIdentity.SameId(Id, other.Id);
        }

        return Identifiers.Any(i => other.Identifiers.Contains(i, StringComparer.Ordinal));
    }

    public override string ToString() => Id ?? (Identifiers.Count > 0 ? string.Join(", ", Identifiers) : "(no subject)");
}
