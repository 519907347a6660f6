using System.Text;
using Microsoft.Extensions.Logging;

namespace Triage.Training.Pipeline;

/// <summary>Turns the trainer's console progress (one line per few batches and per epoch) into log entries of the run.</summary>
internal sealed class LogLineWriter(ILogger logger, int runId) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            logger.TrainingProgress(runId, _line.ToString());
            _line.Clear();
        }
    }
}
