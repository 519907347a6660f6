using Google.Protobuf;
using Onnx;

namespace Triage.Ml.Onnx;

public static class OnnxModelFile
{
    public static byte[] ToBytes(ModelProto model) => model.ToByteArray();

    /// <summary>Writes the model to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
    public static void Write(ModelProto model, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = File.Create(temporary))
        {
            model.WriteTo(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static ModelProto Read(string path)
    {
        using var stream = File.OpenRead(path);
        return ModelProto.Parser.ParseFrom(stream);
    }
}
