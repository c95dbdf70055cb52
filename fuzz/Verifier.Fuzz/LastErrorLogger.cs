using Microsoft.Extensions.Logging;

namespace Verifier.Fuzz;

/// <summary>Keeps the last exception the engine logged, so a fuzz failure shows the real stack trace.</summary>
internal sealed class LastErrorLogger : ILoggerProvider, ILogger
{
    public Exception? LastException { get; set; }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is not null)
        {
            LastException = exception;
        }
    }

    public void Dispose()
    {
    }
}
