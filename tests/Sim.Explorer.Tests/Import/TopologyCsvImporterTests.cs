using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Explorer.Import;

namespace Sim.Explorer.Tests.Import;

public class TopologyCsvImporterTests
{
    private const string ConvHeader = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,";

    public static TheoryData<string> ShippedTopologies()
    {
        var data = new TheoryData<string>();
        foreach (var csv in Directory.GetFiles(Path.Combine(RepoPaths.Workloads, "topologies"), "*.csv").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(csv));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTopologies))]
    public void Shipped_csv_matches_its_yaml_layer_by_layer(string network)
    {
        var csv = TopologyCsvImporter.Load(Path.Combine(RepoPaths.Workloads, "topologies", $"{network}.csv"));
        var yaml = WorkloadYaml.Load(Path.Combine(RepoPaths.Workloads, "dnn", $"{network}.yaml"));

        Assert.Equal(network, csv.Name);
        Assert.Equal(yaml.Ops.Select(o => o.Name), csv.Ops.Select(o => o.Name));
        Assert.Equal(yaml.Ops.Select(o => (o.Name, ((GemmOp)o).ToGemm())), csv.Ops.Select(o => (o.Name, ((GemmOp)o).ToGemm())));
        Assert.Equal(yaml.TotalMacs, csv.TotalMacs);
    }

    [Fact]
    public void Every_shipped_network_is_covered()
    {
        Assert.True(ShippedTopologies().Count >= 6);
    }

    [Fact]
    public void Llama_decode_layer_has_the_hand_counted_macs()
    {
        // q,k,v,out: 4·8·4096·4096 = 536,870,912; qk + pv: 2·256·1025·128 = 67,174,400;
        // gate + up: 2·8·11008·4096 = 721,420,288; down: 8·4096·11008 = 360,710,144.
        var yaml = WorkloadYaml.Load(Path.Combine(RepoPaths.Workloads, "dnn", "llama7b_decode_b8.yaml"));
        Assert.Equal(536_870_912L + 67_174_400 + 721_420_288 + 360_710_144, yaml.TotalMacs);
        Assert.Equal(1_686_175_744L, yaml.TotalMacs);
    }

    [Fact]
    public void Conv_rows_become_a_chain_of_unpadded_convs()
    {
        var w = TopologyCsvImporter.Parse("dir/net.csv", $"{ConvHeader}\nc1, 10, 12, 3, 3, 4, 8, 1,\nc2, 8, 10, 3, 3, 8, 16, 2,\n");

        Assert.Equal("net", w.Name);
        var c1 = Assert.IsType<Conv2d>(w.Ops[0]);
        Assert.Equivalent(new Conv2d("c1", 10, 12, 3, 3, 4, 8, 1, 0, 1, []), c1, strict: true);
        Assert.Equal(["c1"], w.Ops[1].Inputs);
        Assert.Equal(new GemmShape(3 * 4, 16, 3 * 3 * 8), ((GemmOp)w.Ops[1]).ToGemm());
    }

    [Fact]
    public void Gemm_rows_become_chained_gemms()
    {
        var w = TopologyCsvImporter.Parse("g.csv", "Layer,M,N,K,\nq,512,768,64,\nfc,1,10,768,\n");

        Assert.Equal(new GemmShape(512, 768, 64), ((GemmOp)w.Ops[0]).ToGemm());
        Assert.Equal(["q"], Assert.IsType<Gemm>(w.Ops[1]).Inputs);
    }

    [Theory]
    [InlineData(ConvHeader, "c1, 10, 10, 3, 3, 4, 8, 2,\nc2, 4, 4, 1, 1, 8, 8, 1,", "c1, 10, 10, 3, 3, 4, 8, 2\nc2, 4, 4, 1, 1, 8, 8, 1")]
    [InlineData("Layer,M,N,K,", "a,1,2,3,\nb,4,5,6,", "a,1,2,3\nb,4,5,6")]
    [InlineData("Layer,M,N,K", "a,1,2,3,\nb,4,5,6,", "a,1,2,3\nb,4,5,6,")]
    public void Rows_with_and_without_trailing_comma_parse_identically(string header, string withComma, string withoutComma)
    {
        var a = TopologyCsvImporter.Parse("t.csv", $"{header}\n{withComma}\n");
        var b = TopologyCsvImporter.Parse("t.csv", $"{header}\n{withoutComma}\n");

        Assert.Equivalent(a.Ops, b.Ops, strict: true);
    }

    [Fact]
    public void A_row_without_trailing_comma_keeps_its_last_column()
    {
        // SCALE-Sim drops the last field of every row, so here it would lose K (and fail) or, in conv form, the stride.
        var w = TopologyCsvImporter.Parse("t.csv", "Layer,M,N,K,\na,1,2,3\n");

        Assert.Equal(new GemmShape(1, 2, 3), ((GemmOp)w.Ops[0]).ToGemm());
    }

    [Fact]
    public void Blank_lines_are_skipped_and_still_counted_in_line_numbers()
    {
        var text = "Layer,M,N,K,\r\n\r\na,1,2,3,\r\n   \r\n,,,,\r\nb,1,x,3,\r\n";

        var e = Assert.Throws<SimInputException>(() => TopologyCsvImporter.Parse("t.csv", text));
        Assert.StartsWith("t.csv:6:5: field 'N': 'x' is not a positive integer", e.Message, StringComparison.Ordinal);
        Assert.Single(TopologyCsvImporter.Parse("t.csv", text.Replace("b,1,x,3,", "", StringComparison.Ordinal)).Ops);
    }

    [Theory]
    [InlineData("Layer, IFMAP Width, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,")] // typo shipped with SCALE-Sim
    [InlineData("\uFEFFLayer name,Ifmap height,ifmap width,filter height,filter width,channels,num filters,strides,")]
    [InlineData("Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides")]
    public void Header_variants_from_SCALE_Sims_own_topologies_are_accepted(string header)
    {
        var w = TopologyCsvImporter.Parse("t.csv", $"{header}\nc1, 5, 5, 3, 3, 1, 1, 1,\n");

        Assert.Equal(new GemmShape(9, 1, 9), ((GemmOp)w.Ops[0]).ToGemm());
    }

    [Fact]
    public void Equal_width_stride_column_is_accepted()
    {
        var w = TopologyCsvImporter.Parse("t.csv", $"{ConvHeader} Stride Width,\nc1, 9, 9, 3, 3, 1, 1, 2, 2,\n");

        Assert.Equal(2, Assert.IsType<Conv2d>(w.Ops[0]).Stride);
    }

    [Theory]
    // Column count: too few (with and without trailing comma) and too many.
    [InlineData("Layer,M,N,K,", "a,1,2,", "t.csv:2:1: too few columns: 3 values, but the header has 4 (Layer, M, N, K)", "write exactly one value for each of Layer, M, N, K")]
    [InlineData("Layer,M,N,K,", "a,1,2", "t.csv:2:1: too few columns", "a trailing comma is optional")]
    [InlineData("Layer,M,N,K,", "a,1,2,3,4,", "t.csv:2:1: too many columns: 5 values", "write exactly one value")]
    [InlineData(ConvHeader, "c1, 9, 9, 3, 3, 1, 1,", "t.csv:2:1: too few columns: 7 values, but the header has 8 (Layer name, IFMAP Height", "Strides; a trailing comma")]
    // Bad numbers name the column's header and the text.
    [InlineData("Layer,M,N,K,", "a,1,2,x,", "t.csv:2:7: field 'K': 'x' is not a positive integer", "write a whole number ≥ 1 in the 'K' column")]
    [InlineData("Layer,M,N,K,", "a, 0,2,3,", "t.csv:2:4: field 'M': '0' is not a positive integer", "in the 'M' column")]
    [InlineData("Layer,M,N,K,", "a,1,-2,3,", "field 'N': '-2' is not a positive integer", "in the 'N' column")]
    [InlineData("Layer,M,N,K,", "a,1,2.5,3,", "field 'N': '2.5' is not a positive integer", "in the 'N' column")]
    [InlineData(ConvHeader, "c1, 9, 9, 3, 3, 1, 1, 0,", "t.csv:2:23: field 'Strides': '0' is not a positive integer", "in the 'Strides' column")]
    [InlineData("Layer,M,N,K,", " ,1,2,3,", "t.csv:2:2: field 'Layer': the layer name is empty", "write a name in the first column")]
    // Depthwise, geometry, strides, duplicates.
    [InlineData(ConvHeader, "conv_DP1, 9, 9, 3, 3, 32, 1, 1,", "t.csv:2:1: field 'Layer name': layer 'conv_DP1' is depthwise", "one row per channel with Channels = 1 and Num Filter = 1")]
    [InlineData(ConvHeader, "c1, 2, 9, 3, 3, 1, 1, 1,", "t.csv:2:11: field 'Filter Height': the 3x3 filter is larger than the 2x9 IFMAP", "IFMAP sizes include any padding")]
    [InlineData(ConvHeader + " Stride Width,", "c1, 9, 9, 3, 3, 1, 1, 1, 2,", "field 'Stride Width': width stride 2 differs from height stride 1", "use equal strides")]
    [InlineData("Layer,M,N,K,", "a,1,2,3,\nb,1,2,3,\na,4,5,6,", "t.csv:4:1: field 'Layer': layer name 'a' is already used on line 2", "give every layer a unique name")]
    public void Bad_rows_are_reported_at_file_line_with_a_fix(string header, string rows, string expected, string fix)
    {
        var e = Assert.Throws<SimInputException>(() => TopologyCsvImporter.Parse("t.csv", $"{header}\n{rows}\n"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains($"Fix: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fix, e.Message[e.Message.IndexOf("Fix: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Layer,M,N,K,batch,")]
    [InlineData("Layer name,Ifmap height,ifmap width,filter height,filter width,channels,num filters,strides,batch size,")]
    [InlineData("name,m,n,k,")]
    public void Unknown_header_lists_the_two_accepted_headers(string header)
    {
        var e = Assert.Throws<SimInputException>(() => TopologyCsvImporter.Parse("t.csv", $"{header}\na,1,2,3,\n"));

        Assert.StartsWith("t.csv:1:1: unrecognized header", e.Message, StringComparison.Ordinal);
        Assert.Contains($"Fix: use one of SCALE-Sim's two headers: '{ConvHeader}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Layer,M,N,K,' (GEMM form)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "t.csv:1:1: the file is empty")]
    [InlineData("Layer,M,N,K,\n\n", "t.csv:1:1: the file has a header but no layer rows")]
    public void Files_without_layers_are_errors(string text, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => TopologyCsvImporter.Parse("t.csv", text));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var e = Assert.Throws<SimInputException>(() => TopologyCsvImporter.Load("no/such/topology.csv"));

        Assert.Contains("no/such/topology.csv: file not found. Fix:", e.Message, StringComparison.Ordinal);
    }
}
