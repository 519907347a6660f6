using TorchSharp;
using TorchSharp.Modules;

namespace Triage.Ml.Onnx.Export;

/// <summary>Reads a network's registered children and parameters by the names it registered them under.</summary>
internal static class ModuleTree
{
    public static T Child<T>(this torch.nn.Module module, string name)
        where T : torch.nn.Module =>
        module.named_children().FirstOrDefault(c => c.name == name).module as T
        ?? throw new NotSupportedException($"{module.GetType().Name} has no {typeof(T).Name} named '{name}'.");

    public static IReadOnlyList<(string Name, torch.nn.Module Module)> Children(this torch.nn.Module module) =>
        module.named_children().Select(c => (c.name, c.module)).ToList();

    public static Parameter OwnParameter(this torch.nn.Module module, string name) =>
        module.named_parameters(recurse: false).FirstOrDefault(p => p.name == name).parameter
        ?? throw new NotSupportedException($"{module.GetType().Name} has no parameter '{name}'.");
}
