using System.Globalization;
using System.Text;

namespace Verifier.LinkedData.Rdf;

/// <summary>Malformed N-Quads input (the single content-exception type of the parser).</summary>
internal sealed class NQuadsFormatException : FormatException
{
    public NQuadsFormatException(string message, int line)
        : base($"N-Quads line {line}: {message}") => Line = line;

    public NQuadsFormatException()
    {
    }

    public NQuadsFormatException(string message)
        : base(message)
    {
    }

    public NQuadsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }
}

/// <summary>
/// Parses RDF 1.1 N-Quads (https://www.w3.org/TR/n-quads/ §2, grammar §5): one statement per line, comments,
/// IRIs and literals with UCHAR/ECHAR escapes decoded. Throws <see cref="NQuadsFormatException"/> on bad input.
/// </summary>
internal static class NQuadsParser
{
    public static RdfDataset Parse(string text)
    {
        var dataset = new RdfDataset();
        var lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var reader = new LineReader(text.AsSpan()[range].TrimEnd('\r'), lineNumber);
            reader.SkipWhitespace();
            if (reader.AtEndOrComment)
            {
                continue;
            }

            var subject = reader.ReadTerm(allowLiteral: false);
            var predicate = reader.ReadTerm(allowLiteral: false);
            if (predicate.IsBlank)
            {
                throw new NQuadsFormatException("a predicate must be an IRI", lineNumber);
            }

            var obj = reader.ReadTerm(allowLiteral: true);
            RdfTerm? graph = null;
            if (!reader.Peek('.'))
            {
                graph = reader.ReadTerm(allowLiteral: false);
            }

            reader.Expect('.');
            reader.SkipWhitespace();
            if (!reader.AtEndOrComment)
            {
                throw new NQuadsFormatException("unexpected text after '.'", lineNumber);
            }

            dataset.Add(new RdfQuad(subject, predicate, obj, graph));
        }

        return dataset;
    }

    private ref struct LineReader(ReadOnlySpan<char> line, int number)
    {
        private readonly ReadOnlySpan<char> _line = line;
        private int _pos;

        public readonly bool AtEndOrComment => _pos >= _line.Length || _line[_pos] == '#';

        public void SkipWhitespace()
        {
            while (_pos < _line.Length && (_line[_pos] == ' ' || _line[_pos] == '\t'))
            {
                _pos++;
            }
        }

        public readonly bool Peek(char c) => _pos < _line.Length && _line[_pos] == c;

        public void Expect(char c)
        {
            if (!Peek(c))
            {
                throw Error($"expected '{c}'");
            }

            _pos++;
        }

        public RdfTerm ReadTerm(bool allowLiteral)
        {
            SkipWhitespace();
            RdfTerm term;
            if (Peek('<'))
            {
                term = RdfTerm.Iri(ReadIri());
            }
            else if (Peek('_'))
            {
                term = RdfTerm.Blank(ReadBlankLabel());
            }
            else if (Peek('"') && allowLiteral)
            {
                term = ReadLiteral();
            }
            else
            {
                throw Error("expected an IRI, blank node" + (allowLiteral ? " or literal" : string.Empty));
            }

            SkipWhitespace();
            return term;
        }

        private string ReadIri()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _line.Length)
                {
                    throw Error("unterminated IRI");
                }

                var c = _line[_pos++];
                if (c == '>')
                {
                    break;
                }

                // IRIREF excludes controls, space and <>"{}|^`\ (N-Quads grammar [10]); '\' only starts a UCHAR.
                if (c == '\\')
                {
                    ReadUchar(sb);
                }
                else if (c <= 0x20 || "<\"{}|^`".Contains(c, StringComparison.Ordinal))
                {
                    throw Error($"character U+{(int)c:X4} is not allowed in an IRI");
                }
                else
                {
                    sb.Append(c);
                }
            }

            var iri = sb.ToString();
            if (iri.IndexOf(':', StringComparison.Ordinal) <= 0)
            {
                throw Error($"'{iri}' is not an absolute IRI");
            }

            return iri;
        }

        private string ReadBlankLabel()
        {
            _pos++;
            Expect(':');
            var start = _pos;
            while (_pos < _line.Length && !char.IsWhiteSpace(_line[_pos]) && _line[_pos] != '<' && _line[_pos] != '"')
            {
                _pos++;
            }

            // A label cannot end with '.' (grammar [141s]); a '.' glued to it terminates the statement.
            while (_pos > start && _line[_pos - 1] == '.')
            {
                _pos--;
            }

            if (_pos == start)
            {
                throw Error("empty blank node label");
            }

            return _line[start.._pos].ToString();
        }

        private RdfTerm ReadLiteral()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _line.Length)
                {
                    throw Error("unterminated literal");
                }

                var c = _line[_pos++];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\')
                {
                    ReadEscape(sb);
                }
                else
                {
                    sb.Append(c);
                }
            }

            var value = sb.ToString();
            if (Peek('@'))
            {
                _pos++;
                var start = _pos;
                while (_pos < _line.Length && (char.IsAsciiLetterOrDigit(_line[_pos]) || _line[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos == start)
                {
                    throw Error("empty language tag");
                }

                return RdfTerm.Literal(value, language: _line[start.._pos].ToString());
            }

            if (Peek('^'))
            {
                _pos++;
                Expect('^');
                if (!Peek('<'))
                {
                    throw Error("expected a datatype IRI");
                }

                return RdfTerm.Literal(value, ReadIri());
            }

            return RdfTerm.Literal(value);
        }

        private void ReadEscape(StringBuilder sb)
        {
            if (_pos >= _line.Length)
            {
                throw Error("dangling escape");
            }

            var c = _line[_pos++];
            switch (c)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                case 'u' or 'U': _pos--; ReadUchar(sb); break;
                default: throw Error($"unknown escape '\\{c}'");
            }
        }

        /// <summary>Reads "uXXXX" or "UXXXXXXXX" (the backslash already consumed).</summary>
        private void ReadUchar(StringBuilder sb)
        {
            var digits = Peek('u') ? 4 : Peek('U') ? 8 : throw Error("expected a \\u or \\U escape");
            _pos++;
            if (_pos + digits > _line.Length
                || !int.TryParse(_line.Slice(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                throw Error("bad UCHAR escape");
            }

            _pos += digits;
            sb.Append(char.ConvertFromUtf32(code));
        }

        private readonly NQuadsFormatException Error(string message) => new(message, number);
    }
}
