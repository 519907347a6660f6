using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using HangfireLog = Hangfire.Logging.ILog;
using HangfireLogProvider = Hangfire.Logging.ILogProvider;

namespace Triage.Training.Jobs;

/// <summary>
/// Hangfire's logging through a host's <see cref="ILoggerFactory"/>. Hangfire keeps one log provider for the whole
/// process and caches its loggers in static fields, so with two hosts in one process (tests, a command beside a running
/// host) a host may log through the factory of another host that has since stopped: those lines are dropped instead of
/// failing the job client or the job with <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class HostHangfireLogProvider(ILoggerFactory factory) : HangfireLogProvider
{
    public HangfireLog GetLogger(string name)
    {
        try
        {
            return new HostLog(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new HostLog(null);
        }
    }

    private sealed class HostLog(ILogger? logger) : HangfireLog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
            {
                return false;
            }

            try
            {
                var level = Map(logLevel);
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

                if (logger.IsEnabled(level))
                {
                    logger.Log(level, exception, "{Message}", messageFunc());
                }

                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static LogLevel Map(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => LogLevel.Trace,
            HangfireLevel.Debug => LogLevel.Debug,
            HangfireLevel.Info => LogLevel.Information,
            HangfireLevel.Warn => LogLevel.Warning,
            HangfireLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
    }
}
