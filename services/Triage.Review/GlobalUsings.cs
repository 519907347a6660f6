// FHIR has a resource called Task; in this project "Task" means the .NET one.
global using Task = System.Threading.Tasks.Task;
