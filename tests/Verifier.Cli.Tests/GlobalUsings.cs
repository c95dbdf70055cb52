// The namespaces most of these tests name: one list here instead of the same header in every file.
global using System.Text.Json;
global using System.Xml.Linq;
