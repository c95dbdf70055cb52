using Verifier.Core.Batch;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;
using Verifier.Storage.Jobs;

namespace Verifier.Storage.Tests;

/// <summary>
/// A job's record is what the queue-triggered function reads back for every batch: the options a caller gave
/// POST /api/jobs must survive it, or the job's verdicts would differ from the same badges verified one by one.
/// </summary>
public sealed class JobRecordTests
{
    [Theory]
    [InlineData(VerificationProfile.Conformance)]
    [InlineData(VerificationProfile.Authenticity)]
    [InlineData(null)]
    public void Parse_OfToJson_KeepsEveryRequestOption(VerificationProfile? profile)
    {
        var request = new BatchRequest(1, IssuerPolicy.Strict, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Verbose: true, RequireKnownIssuer: true)
        {
            Profile = profile,
        };
        var record = new JobRecord("0123456789abcdef0123456789abcdef", new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), 10, 2, 5, request);

        var read = JobRecord.Parse(record.ToJson(), parallelism: 4);

        Assert.NotNull(read);
        Assert.Equal(request with { Parallelism = 4 }, read.Request);
        Assert.Equal(profile, read.Request.Profile);
    }
}
