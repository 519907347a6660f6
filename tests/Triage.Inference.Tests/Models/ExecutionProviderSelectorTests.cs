using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Triage.Inference.Models;

namespace Triage.Inference.Tests.Models;

public class ExecutionProviderSelectorTests
{
    [TheoryWithoutCuda]
    [InlineData(ExecutionProviderPreference.Auto)]
    [InlineData(ExecutionProviderPreference.Cuda)]
    public void Falls_back_to_the_cpu_and_says_so_where_cuda_cannot_load(ExecutionProviderPreference preference)
    {
        var logger = new ListLogger<ExecutionProviderSelector>();

        using var session = new ExecutionProviderSelector(logger).Open(TestModelFiles.Write(), preference);

        session.ExecutionProvider.Should().Be(ModelSession.Cpu);
        logger.Entries.Should().Contain(e => e.EventId.Id == 2001 && e.Level == LogLevel.Warning);
        logger.Entries.Should().Contain(e => e.EventId.Id == 2002 && e.Message.Contains("CPU"));
    }

    [FactWithoutCuda]
    public void The_list_of_available_providers_names_cuda_even_where_it_cannot_load()
    {

        OrtEnv.Instance().GetAvailableProviders().Should().Contain("CUDAExecutionProvider");
    }

    [Fact]
    public void Cpu_never_tries_cuda()
    {
        var logger = new ListLogger<ExecutionProviderSelector>();

        using var session = new ExecutionProviderSelector(logger).Open(TestModelFiles.Write(), ExecutionProviderPreference.Cpu);

        session.ExecutionProvider.Should().Be(ModelSession.Cpu);
        logger.Entries.Should().NotContain(e => e.EventId.Id == 2001);
    }
}
