namespace Triage.Host.Benchmarks;

/// <summary>A benchmark's Markdown table: printed after its progress lines, and kept in a file when one is asked for.</summary>
public static class MarkdownTable
{
    public static async Task WriteAsync(TextWriter output, string table, FileInfo? file, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync();
        await output.WriteAsync(table);
        if (file is not null)
        {
            await File.WriteAllTextAsync(file.FullName, table, cancellationToken);
        }
    }
}
