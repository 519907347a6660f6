using Triage.Host.Commands;

return await TriageCommandLine.Create().Parse(args).InvokeAsync();
