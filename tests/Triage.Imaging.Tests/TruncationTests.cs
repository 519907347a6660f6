namespace Triage.Imaging.Tests;

public class TruncationTests
{
    private readonly ImageDecoder _decoder = new(ImageLimits.Default);

    public static TheoryData<string, string> Files => new()
    {
        { "PNG", "PAT_1014_86_861.png" },
        { "PNG", "PAT_1278_965_701.png" },
        { "JPEG", "PAT_1014_86_861.png" },
        { "JPEG", "PAT_106_159_325.png" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void First_half_of_a_real_file_is_truncated_but_its_header_still_reads(string format, string name)
    {
        var whole = format == "PNG" ? TestImages.RealImage(name) : TestImages.RealJpeg(name);
        var half = whole[..(whole.Length / 2)];

        var info = _decoder.Inspect(half);
        var decode = () => _decoder.Decode(half);

        info.Should().Be(_decoder.Inspect(whole));
        decode.Should().Throw<ImageRejectedException>().Which.Reason.Should().Be(ImageRejection.Truncated);
        using var complete = _decoder.Decode(whole);
        complete.Width.Should().Be(info.Width);
    }
}
