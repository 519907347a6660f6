using Onnx;
using Triage.Ml.Onnx;
using Triage.Testing;

namespace Triage.Ml.Tests.Onnx;

public class OnnxGraphBuilderTests
{
    private static ModelProto AffineModel()
    {
        var graph = new OnnxGraphBuilder("affine");
        graph.Input("x", null, 3);
        var scaled = graph.Node("Mul", ["x", graph.Initializer("scale", [2f, 3f, 4f], 3)], "scaled");
        graph.Node("Add", [scaled, graph.Initializer("offset", [1f, -1f, 0.5f], 3)], "y");
        graph.Output("y", null, 3);
        graph.Metadata("triage.model_name", "affine");
        return graph.Build();
    }

    [Fact]
    public void Written_file_loads_in_onnx_runtime_and_runs_any_batch_size()
    {
        var path = Path.Combine(TestPaths.NewTempFolder("graph"), "affine.onnx");
        OnnxModelFile.Write(AffineModel(), path);

        using var runner = new OrtRunner(OnnxModelFile.Read(path));
        runner.Inputs["x"].Dimensions.Should().Equal(-1, 3);
        runner.Metadata.Should().Contain("triage.model_name", "affine");
        foreach (var batch in new[] { 1, 4 })
        {
            var x = Enumerable.Range(0, batch * 3).Select(i => (float)i).ToArray();
            var y = runner.Run(new Dictionary<string, (float[], long[])> { ["x"] = (x, [batch, 3]) }, "y")["y"];
            y.Should().Equal(x.Select((v, i) => v * new[] { 2f, 3f, 4f }[i % 3] + new[] { 1f, -1f, 0.5f }[i % 3]));
        }
    }

    [Fact]
    public void Model_declares_opset_17_and_a_symbolic_batch()
    {
        var model = AffineModel();

        model.OpsetImport.Should().ContainSingle(o => o.Domain == "" && o.Version == 17);
        model.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam.Should().Be(OnnxGraphBuilder.BatchSymbol);
        model.Graph.Initializer.Select(i => i.Name).Should().Equal("scale", "offset");
    }

    [Fact]
    public void Int64_initializers_feed_shape_operators()
    {
        var graph = new OnnxGraphBuilder("reshape");
        graph.Input("x", null, 2, 3);
        graph.Node("Reshape", ["x", graph.Initializer("shape", [-1L, 6L], 2)], "y");
        graph.Output("y", null, 6);

        using var runner = new OrtRunner(graph.Build());
        var x = Enumerable.Range(0, 12).Select(i => (float)i).ToArray();
        runner.Run(new Dictionary<string, (float[], long[])> { ["x"] = (x, [2, 2, 3]) }, "y")["y"].Should().Equal(x);
    }
}
