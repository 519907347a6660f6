global using Triage.Testing;
