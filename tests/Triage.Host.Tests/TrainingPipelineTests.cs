using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Triage.Host.Commands;
using Triage.Testing;
using Triage.Training.Jobs;
using Triage.Training.Registry;

namespace Triage.Host.Tests;

/// <summary>
/// The training pipeline end to end in the embedded host, at a size CI can afford: real photos from the seed data,
/// runs through the Hangfire training queue, the registry in the host's SQLite file, and the gates applied both ways.
/// Before the second run, real cases go through the platform as in use: posted over FHIR, classified, flagged, and
/// decided by a reviewer in the review UI; that run's corpus holds them.
/// A run made to fail a gate stays challenger; a passing one becomes champion and the same running host serves it.
/// </summary>
public sealed class TrainingPipelineTests : IDisposable
{
    private readonly string _seed = EvaluationFolder.Create(perDiagnosis: 8);
    private readonly string _folder = TestPaths.NewTempFolder("training-pipeline");

    public void Dispose()
    {
        foreach (var folder in new[] { _seed, _folder }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string[] Tiny(params string[] gates) =>
    [
        "--Training:Corpus:SeedFolder", _seed,
        "--Training:Corpus:EvaluationShare", "0.3",
        "--Training:Pipeline:ArtefactFolder", Path.Combine(_folder, "runs"),
        "--Training:Pipeline:ImageSize", "32",
        "--Training:Pipeline:TeacherEpochs", "1",
        "--Training:Pipeline:StudentEpochs", "1",
        "--Training:Pipeline:BatchSize", "8",
        "--Training:Pipeline:MaxBatchesPerEpoch", "2",
        "--Training:Pipeline:ValidationFolds", "3",
        "--Training:Pipeline:Threads", "1",
        "--Training:Pipeline:ParityImages", "2",
        "--Training:Pipeline:MaxMemoryMegabytes", "16384",
        .. gates,
    ];

    [Fact]
    public async Task A_run_that_fails_a_gate_stays_challenger_and_a_passing_one_is_served_without_a_restart()
    {
        // Run 1: an ECE bound no model meets. The teacher is trained (none is registered yet), the student is kept as challenger.
        var strict = await RunningHost.StartInAsync(_folder, Tiny("--Training:Gates:MaximumCalibrationError", "0"));
        TrainingRunRecord first;
        try
        {
            first = await TrainAsync(strict, retrainTeacher: true);
            first.Status.Should().Be(TrainingRunStatus.Succeeded, first.FailureReason);
            first.Outcome.Should().Be("challenger");
            Steps(first).Should().Equal("corpus", "memory", "teacher", "distil", "calibrate", "export", "parity", "evaluate", "register", "promote");

            var registry = await AliasesAsync(strict);
            registry[ModelAlias.Challenger].Should().Be("student-r1");
            registry[ModelAlias.Champion].Should().Be("1.0.0", "the configured baseline stays champion");
            (await ReadinessAsync(strict)).Should().Contain("\"modelVersion\":\"1.0.0\"").And.Contain("\"generation\":1");
        }
        finally
        {
            await strict.StopKeepingFilesAsync();
        }

        // Run 2, same database, gates that any working model passes: distilled from the registered teacher, promoted, swapped
        // in; the deployment's serving teacher (here the baseline file) stays behind the promoted student.
        string[] lenientSettings = Tiny(
            "--Training:Gates:MaximumCalibrationError", "1", "--Training:Gates:WeightedF1Tolerance", "1", "--Training:Gates:CancerSensitivityTolerance", "1",
            "--Inference:TeacherModelPath", RunningHost.ModelPath, "--Inference:Escalation:MinimumConfidence", "0.5",
            "--Inference:Escalation:CancerBandLow", "0.4", "--Inference:Escalation:CancerBandHigh", "0.6");
        var lenient = await RunningHost.StartInAsync(_folder, lenientSettings);
        var reviewed = await ReviewThroughThePlatformAsync(lenient, count: 3);
        var second = await TrainAsync(lenient, retrainTeacher: false);
        second.Status.Should().Be(TrainingRunStatus.Succeeded, second.FailureReason);
        second.Outcome.Should().Be("promoted");
        Steps(second).Should().NotContain("teacher");
        (await WaitForReadinessAsync(lenient, "student-r2")).Should().Contain("\"generation\":2").And.Contain("\"teacherModelName\":\"baseline\"");

        await using (var scope = lenient.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            var student = await db.ModelVersions.Include(v => v.ParentTeacher).SingleAsync(v => v.Version == "student-r2");
            student.ParentTeacher!.Version.Should().Be("teacher-r1");
            student.ArtefactSha256.Should().MatchRegex("^[0-9a-f]{64}$");
            student.CorpusHash.Should().Be(second.CorpusHash).And.MatchRegex("^[0-9a-f]{64}$");
            ReviewedCaseIds(student.CorpusCasesPath).Should().BeEquivalentTo(reviewed, "the cases decided in review are in the corpus, as the review flow stored them");
            second.CorpusCaseCount.Should().Be(first.CorpusCaseCount + reviewed.Count);
            second.CorpusHash.Should().NotBe(first.CorpusHash, "the first run had the same seed cases and no reviewed ones");
            student.MetricsJson.Should().Contain("\"weighted_f1\"").And.Contain("\"max_probability_difference\"");
            var moves = await db.AliasMoves.Where(m => m.Alias == ModelAlias.Champion).OrderBy(m => m.Id).ToListAsync();
            moves.Select(m => m.MovedBy).Should().HaveCount(2).And.Contain(by => by.StartsWith("training run 2"));
            moves[^1].Reason.Should().StartWith("passed the promotion gates");
            (await db.AliasMoves.SingleAsync(m => m.Alias == ModelAlias.Challenger)).Reason.Should().Contain("calibration");
        }

        // A restart serves the champion training announced, with the deployment's teacher, not the model first configured.
        File.Exists(Path.Combine(_folder, "serving-champion.json")).Should().BeTrue();
        await lenient.StopKeepingFilesAsync();
        await using var restarted = await RunningHost.StartInAsync(_folder, lenientSettings);
        (await ReadinessAsync(restarted)).Should().Contain("\"modelVersion\":\"student-r2\"").And.Contain("\"generation\":1")
            .And.Contain("\"teacherModelName\":\"baseline\"");

        // Rollback with the command, from another process's worth of host on the same database: the champion moves back to
        // the baseline, and the running host (in-memory bus) swaps again, its own outbox relay publishing the announcement.
        var output = new StringWriter();
        var rollback = TriageCommandLine.Create().Parse([
            "rollback", "--to", "1.0.0", "--reason", "rollback drill",
            "--ConnectionStrings:Triage", $"Data Source={restarted.DatabasePath}",
            "--Training:ChampionSettingsPath", Path.Combine(_folder, "serving-champion.json"),
            "--Logging:LogLevel:Default", "Warning", .. lenientSettings]);
        rollback.InvocationConfiguration.Output = output;
        (await rollback.InvokeAsync()).Should().Be(0, output.ToString());

        (await WaitForReadinessAsync(restarted, "1.0.0")).Should().Contain("\"generation\":2");
        (await AliasesAsync(restarted))[ModelAlias.Champion].Should().Be("1.0.0");
    }

    [Fact]
    public async Task A_failing_step_fails_the_run_and_the_job_with_its_reason_and_leaves_the_champion()
    {
        await using var host = await RunningHost.StartAsync([.. Tiny(), "--Training:Corpus:SeedFolder", Path.Combine(_folder, "no-such-folder")]);
        await using var scope = host.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ManualTrainingRuns>();

        var state = await runs.WaitAsync(runs.Enqueue(retrainTeacher: false, "test"), CancellationToken.None);

        state.Should().Be("Failed");
        var run = await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().TrainingRuns.AsNoTracking().SingleAsync();
        run.Status.Should().Be(TrainingRunStatus.Failed);
        run.FailedStep.Should().Be("corpus");
        run.FailureReason.Should().Contain("no-such-folder").And.Contain("does not exist");
        (await AliasesAsync(host)).Should().BeEmpty();
        (await ReadinessAsync(host)).Should().Contain("\"generation\":1");
    }

    [Fact]
    public async Task A_run_the_memory_bound_cannot_hold_is_refused_before_training_with_its_figures()
    {
        // Sampled rarely, so that the watch cannot stop the run before the check refuses it.
        await using var host = await RunningHost.StartAsync(
            [.. Tiny(), "--Training:Pipeline:MaxMemoryMegabytes", "64", "--Training:Pipeline:MemoryCheckInterval", "00:10:00"]);

        var run = await TrainAsync(host, retrainTeacher: true);

        run.Status.Should().Be(TrainingRunStatus.Failed);
        run.FailedStep.Should().Be("memory");
        run.FailureReason.Should().Contain("Training:Pipeline:MaxMemoryMegabytes = 64 MB").And.Contain("MB now").And.Contain("nothing was trained");
        Steps(run).Should().Equal("corpus");
        (await AliasesAsync(host)).Should().BeEmpty();
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().ModelVersions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task New_labelled_cases_beyond_the_threshold_start_a_run_and_the_schedule_follows_configuration()
    {
        await using var host = await RunningHost.StartAsync(
            [.. Tiny(), "--Training:Jobs:NewCasesThreshold", "2", "--Training:Jobs:StudentCron", "30 1 * * *"]);
        using (var connection = host.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().ToDictionary(job => job.Id);
            recurring[RedistillStudentJob.RecurringId].Cron.Should().Be("30 1 * * *");
            recurring[RedistillStudentJob.RecurringId].Job.Queue.Should().Be(TrainingQueue.Name);
            recurring[RetrainTeacherJob.RecurringId].Cron.Should().Be("0 3 * * 0");
            recurring.Should().ContainKey(NewLabelledCasesJob.RecurringId);
        }

        (await TrainAsync(host, retrainTeacher: false)).Status.Should().Be(TrainingRunStatus.Succeeded);
        await using var scope = host.Services.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<NewLabelledCasesJob>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();

        AddSeedCases(1);
        await check.CheckAsync(CancellationToken.None);
        (await db.TrainingRuns.CountAsync()).Should().Be(1, "one new case is below the threshold of 2");

        AddSeedCases(1);
        await check.CheckAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        TrainingRunRecord? triggered;
        do
        {
            await Task.Delay(250);
            triggered = await db.TrainingRuns.AsNoTracking().OrderBy(r => r.Id).Skip(1).FirstOrDefaultAsync();
        }
        while ((triggered is null || triggered.Status == TrainingRunStatus.Running) && DateTime.UtcNow < deadline);

        triggered!.TriggeredBy.Should().Be("new labelled cases");
        triggered.Status.Should().Be(TrainingRunStatus.Succeeded, triggered.FailureReason);
        (triggered.CorpusCaseCount - (await db.TrainingRuns.AsNoTracking().OrderBy(r => r.Id).FirstAsync()).CorpusCaseCount).Should().Be(2);
    }

    [Fact]
    public async Task Deleting_the_job_cancels_the_run_between_batches()
    {
        await using var host = await RunningHost.StartAsync([.. Tiny(), "--Training:Pipeline:TeacherEpochs", "1000", "--Training:Pipeline:Patience", "1000"]);
        await using var scope = host.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ManualTrainingRuns>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var jobId = runs.Enqueue(retrainTeacher: true, "test");
        while (!(await db.TrainingRuns.AsNoTracking().SingleOrDefaultAsync())?.StepsJson.Contains("\"corpus\"") ?? true)
        {
            await Task.Delay(100);
        }

        scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Delete(jobId).Should().BeTrue();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        TrainingRunRecord run;
        do
        {
            await Task.Delay(250);
            run = await db.TrainingRuns.AsNoTracking().SingleAsync();
        }
        while (run.Status == TrainingRunStatus.Running && DateTime.UtcNow < deadline);

        run.Status.Should().Be(TrainingRunStatus.Cancelled);
        run.FailedStep.Should().Be("teacher");
        (await db.ModelVersions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_jobs_dashboard_is_closed_outside_development()
    {
        await using var host = await RunningHost.StartAsync(Tiny());
        (await host.Client.GetAsync("/jobs")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    /// <summary>Appends real rows (and their photos) the seed folder does not hold yet, as new labelled cases.</summary>
    private void AddSeedCases(int count)
    {
        var metadata = Path.Combine(_seed, "metadata.csv");
        var present = File.ReadAllLines(metadata).ToHashSet();
        var lines = File.ReadAllLines(Path.Combine(TestPaths.PadUfes20, "metadata.csv"));
        var image = Array.IndexOf(lines[0].Split(','), "img_id");
        var added = lines.Skip(1).Where(line => !present.Contains(line) && File.Exists(TestPaths.PadUfes20Image(line.Split(',')[image]))).Take(count).ToList();
        foreach (var line in added)
        {
            var id = line.Split(',')[image];
            File.Copy(TestPaths.PadUfes20Image(id), Path.Combine(_seed, "images", id));
        }

        File.AppendAllLines(metadata, added);
    }

    /// <summary>
    /// Real cases the seed folder does not hold, posted through FHIR, classified and flagged by the running host, then
    /// decided in the review UI over HTTP by the development reviewer with their biopsied diagnosis.
    /// </summary>
    /// <returns>The reviewed cases' ids.</returns>
    private async Task<IReadOnlyList<string>> ReviewThroughThePlatformAsync(RunningHost host, int count)
    {
        var seedImages = Path.Combine(_seed, "images");
        var flagged = await host.PostFlaggedCasesAsync(FlaggedCases.Candidates().Where(c => !File.Exists(Path.Combine(seedImages, c.ImageId))), count);
        using var reviewer = await ReviewerClient.SignInAsync(host.Client.BaseAddress!, ReviewerClient.DevelopmentUserName, ReviewerClient.DevelopmentPassword);
        foreach (var (caseId, source) in flagged)
        {
            var page = await reviewer.GetPageAsync($"/review/cases/{caseId}");
            var decided = await reviewer.DecideAsync(caseId, page, source.Diagnosis.ToString());
            decided.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, await decided.Content.ReadAsStringAsync());
        }

        return [.. flagged.Select(f => f.CaseId.ToString())];
    }

    /// <summary>The ids of the reviewed cases in a run's corpus manifest, on either side of the split.</summary>
    private static IEnumerable<string> ReviewedCaseIds(string manifestPath)
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestPath))!;
        return manifest["training"]!.AsArray().Concat(manifest["evaluation"]!.AsArray())
            .Where(c => c!["source"]!.GetValue<string>() == "review")
            .Select(c => c!["id"]!.GetValue<string>());
    }

    private static IEnumerable<string> Steps(TrainingRunRecord run) =>
        System.Text.Json.Nodes.JsonNode.Parse(run.StepsJson)!.AsArray().Select(step => step!["step"]!.GetValue<string>());

    private static async Task<TrainingRunRecord> TrainAsync(RunningHost host, bool retrainTeacher)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ManualTrainingRuns>();
        // In-memory job ids start again at 1 in each host: the run is the latest with the id.
        var jobId = runs.Enqueue(retrainTeacher, "test");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await runs.WaitAsync(jobId, timeout.Token);
        var run = await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().TrainingRuns.AsNoTracking()
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(r => r.JobId == jobId);
        if (run is null)
        {
            // The job ended before the pipeline recorded a run: say how, from Hangfire's own record of the job.
            using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
            var state = connection.GetStateData(jobId);
            throw new InvalidOperationException(
                $"Job {jobId} ended {state?.Name} without a training run: {state?.Reason} {string.Join("; ", state?.Data.Select(d => $"{d.Key}={d.Value}") ?? [])}");
        }

        return run;
    }

    private static async Task<Dictionary<string, string>> AliasesAsync(RunningHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().Aliases.AsNoTracking().Include(a => a.ModelVersion)
            .ToDictionaryAsync(a => a.Name, a => a.ModelVersion!.Version);
    }

    private static async Task<string> ReadinessAsync(RunningHost host) =>
        await (await host.Client.GetAsync("/health/ready")).Content.ReadAsStringAsync();

    private static async Task<string> WaitForReadinessAsync(RunningHost host, string version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        do
        {
            body = await ReadinessAsync(host);
            if (body.Contains($"\"modelVersion\":\"{version}\""))
            {
                return body;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return body;
    }
}
