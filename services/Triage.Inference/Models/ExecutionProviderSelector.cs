using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Triage.Inference.Models;

/// <summary>
/// Opens a model on CUDA when asked and when it really loads, otherwise on the CPU.
/// OrtEnv.GetAvailableProviders() names what was compiled in, not what works, so the only test is
/// to append the provider and open the session.
/// </summary>
public sealed class ExecutionProviderSelector(ILogger<ExecutionProviderSelector> logger)
{
    public ModelSession Open(string modelPath, ExecutionProviderPreference preference)
    {
        if (preference != ExecutionProviderPreference.Cpu && TryOpenOnCuda(modelPath, preference) is { } cuda)
        {
            return cuda;
        }

        var options = new SessionOptions();
        try
        {
            var session = new ModelSession(new InferenceSession(modelPath, options), options, ModelSession.Cpu);
            logger.ExecutionProviderSelected(ModelSession.Cpu, preference);
            return session;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private ModelSession? TryOpenOnCuda(string modelPath, ExecutionProviderPreference preference)
    {
        var options = new SessionOptions();
        try
        {
            options.AppendExecutionProvider_CUDA(0);
            var session = new ModelSession(new InferenceSession(modelPath, options), options, ModelSession.Cuda);
            logger.ExecutionProviderSelected(ModelSession.Cuda, preference);
            return session;
        }
        catch (Exception exception) when (exception is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            options.Dispose();
            logger.CudaUnavailable(preference, exception);
            return null;
        }
    }
}
