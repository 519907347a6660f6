using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Domain.Escalation;

namespace Triage.Inference.Models;

/// <summary>Opens the student and, when configured, the teacher; either file failing its contract stops the load.</summary>
internal static class ServingModelsLoader
{
    public static ServingModels Load(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        var selector = services.GetRequiredService<ExecutionProviderSelector>();
        var logger = services.GetRequiredService<ILogger<ServingModels>>();

        OnnxClassifier Open(string role, string path)
        {
            var modelPath = Path.GetFullPath(path, contentRoot);
            var classifier = OnnxClassifier.Open(modelPath, options.ExecutionProvider, selector);
            logger.ModelLoaded(role, classifier.Contract.ModelName, classifier.Contract.ModelVersion, modelPath, classifier.ExecutionProvider);
            return classifier;
        }

        var student = Open(ModelRole.Student, options.ModelPath);
        if (!options.HasTeacher)
        {
            return new ServingModels(student, null, EscalationThresholds.Never);
        }

        OnnxClassifier? teacher = null;
        try
        {
            teacher = Open(ModelRole.Teacher, options.TeacherModelPath!);
            return new ServingModels(student, teacher, options.Escalation!.ToThresholds());
        }
        catch
        {
            teacher?.Dispose();
            student.Dispose();
            throw;
        }
    }
}
