using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Domain.Escalation;

namespace Triage.Inference.Models;

/// <summary>Opens a student and, when given, a teacher; either file failing its contract stops the load.
/// A relative path is taken from the content root.</summary>
public sealed class ServingModelsLoader(
    IOptions<InferenceOptions> options,
    ExecutionProviderSelector selector,
    ILogger<ServingModels> logger,
    IHostEnvironment? environment = null)
{
    private readonly string _contentRoot = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();

    /// <summary>The models named by configuration section <c>Inference</c>.</summary>
    public ServingModels LoadConfigured()
    {
        var configured = options.Value;
        return configured.HasTeacher
            ? Load(configured.ModelPath, configured.TeacherModelPath, configured.Escalation!.ToThresholds())
            : Load(configured.ModelPath, null, EscalationThresholds.Never);
    }

    /// <exception cref="ModelContractException">A file does not meet the model contract.</exception>
    public ServingModels Load(string studentPath, string? teacherPath, EscalationThresholds thresholds)
    {
        var student = Open(ModelRole.Student, studentPath);
        if (teacherPath is null)
        {
            return new ServingModels(student, null, EscalationThresholds.Never);
        }

        OnnxClassifier? teacher = null;
        try
        {
            teacher = Open(ModelRole.Teacher, teacherPath);
            return new ServingModels(student, teacher, thresholds);
        }
        catch
        {
            teacher?.Dispose();
            student.Dispose();
            throw;
        }
    }

    public string FullPath(string path) => Path.GetFullPath(path, _contentRoot);

    private OnnxClassifier Open(string role, string path)
    {
        var modelPath = FullPath(path);
        var classifier = OnnxClassifier.Open(modelPath, options.Value.ExecutionProvider, selector);
        logger.ModelLoaded(role, classifier.Contract.ModelName, classifier.Contract.ModelVersion, modelPath, classifier.ExecutionProvider);
        return classifier;
    }
}
