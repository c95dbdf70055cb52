using System.Xml;
using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>
/// JUnit XML for CI dashboards: a testsuite per input and a testcase per check; a failed check is a
/// &lt;failure&gt;, one that could not finish (network, timeout) an &lt;error&gt;, a skipped one &lt;skipped&gt;.
/// </summary>
internal static class JUnitWriter
{
    public static void Write(IReadOnlyList<VerifiedInput> results, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "obverify");
        foreach (var result in results)
        {
            var checks = result.Report?.Checks ?? [];
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", result.Name);
            xml.WriteAttributeString("tests", Count(result.Report is null ? 1 : checks.Count));
            xml.WriteAttributeString("failures", Count(checks.Count(c => c.Outcome == CheckOutcome.Failed && !c.Indeterminate)));
            xml.WriteAttributeString("errors", Count(result.Report is null ? 1 : checks.Count(c => c.Outcome == CheckOutcome.Failed && c.Indeterminate)));
            xml.WriteAttributeString("skipped", Count(checks.Count(c => c.Outcome == CheckOutcome.Skipped)));
            if (result.Report is null)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", result.Name);
                xml.WriteAttributeString("name", "input.read");
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", result.Error ?? "unreadable");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            foreach (var check in checks)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", result.Name);
                xml.WriteAttributeString("name", check.Id);
                var element = check.Outcome switch
                {
                    CheckOutcome.Failed => check.Indeterminate ? "error" : "failure",
                    CheckOutcome.Skipped => "skipped",
                    _ => null,
                };
                if (element is not null)
                {
                    xml.WriteStartElement(element);
                    xml.WriteAttributeString("message", check.Message);
                    if (element != "skipped")
                    {
                        xml.WriteAttributeString("type", check.Id);
                        xml.WriteString(check.Subject is null ? check.Message : $"{check.Message} ({check.Subject})");
                    }

                    xml.WriteEndElement();
                }
                else if (check.Outcome == CheckOutcome.Warning)
                {
                    xml.WriteElementString("system-out", $"warning: {check.Message}");
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.WriteLine();
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
