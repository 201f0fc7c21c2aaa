using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Keeps what the test app logs (category, level, text, whether an exception came with it), for tests of what is logged.</summary>
public sealed class LogSink : ILoggerProvider
{
    /// <summary>One logged line.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, bool HasException);

    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>Everything logged so far, oldest first.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) sink._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception is not null));
        }
    }
}
