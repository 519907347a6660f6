// FHIR has a resource called Task; in this project "Task" means the .NET one.
global using Task = System.Threading.Tasks.Task;
global using Triage.Fhir.Cases;
global using Triage.Fhir.Errors;
global using Triage.Fhir.Observations;
global using Triage.Fhir.Photos;
global using Triage.Fhir.Results;
global using Triage.Fhir.Serialization;
