namespace Sim.Explorer.Tests.Sweeps;

/// <summary>Spec v2 mistakes are input errors (exit 2) naming file:line:column, the field and a Fix, before anything runs.</summary>
public class SpecValidationTests
{
    [Theory]
    // sampling
    [InlineData("axes: {rows: [4, 8]}\nsampling: {method: sobol, points: 4}\n", "sweep.yaml:10:20: field 'sampling.method': unknown sampling method 'sobol'. Fix: use grid, random or lhs")]
    [InlineData("axes: {rows: [4, 8]}\nsampling: {method: lhs, points: 0}\n", "sweep.yaml:10:33: field 'sampling.points': points 0 is not positive. Fix: ask for at least 1 point")]
    [InlineData("axes: {rows: [4, 8]}\nsampling: {method: grid, points: 4}\n", "sweep.yaml:10:34: field 'sampling.points': a grid visits every combination, so it takes no point count. Fix: drop 'points'")]
    [InlineData("axes: {rows: [4, 8]}\nsampling: {method: random}\n", "sweep.yaml:10:11: field 'sampling.points': random sampling needs a point count. Fix: add e.g. 'points: 200'")]
    [InlineData("axes: {rows: [4, 8]}\nsampling: {method: lhs, point: 4}\n", "sweep.yaml:10:25: field 'sampling.point': unknown key. Fix: did you mean 'points'?")]
    [InlineData("seed: 1.5\naxes: {rows: [4, 8]}\n", "sweep.yaml:9:7: field 'seed': '1.5' is not an integer. Fix: write a whole number")]
    [InlineData("seed: -3\naxes: {rows: [4, 8]}\n", "sweep.yaml:9:7: field 'seed': -3 is below the minimum 0. Fix:")]
    // ranges
    [InlineData("axes:\n  rows: {min: 4, max: 32, step: 0}\n", "sweep.yaml:10:33: field 'axes.rows.step': step 0 is not positive. Fix: use a step > 0")]
    [InlineData("axes:\n  rows: {min: 32, max: 4, step: 4}\n", "sweep.yaml:10:15: field 'axes.rows.min': min 32 is greater than max 4. Fix: swap them")]
    [InlineData("axes:\n  rows: {min: 4, max: 32, step: 2.5}\n", "sweep.yaml:10:33: field 'axes.rows.step': 'rows' takes whole numbers, so its step must be one (not 2.5). Fix:")]
    [InlineData("axes:\n  rows: {min: 4.5, max: 32, step: 2}\n", "sweep.yaml:10:15: field 'axes.rows.min': '4.5' is not a valid min. Fix: write a whole number")]
    [InlineData("axes:\n  ifmap_kb: {min: 24, max: 256, scale: log2}\n", "sweep.yaml:10:19: field 'axes.ifmap_kb.min': min 24 is not a power of two, which 'scale: log2' needs. Fix:")]
    [InlineData("axes:\n  ifmap_kb: {min: 16, max: 100, scale: log2}\n", "sweep.yaml:10:28: field 'axes.ifmap_kb.max': max 100 is not a power of two")]
    [InlineData("axes:\n  ifmap_kb: {min: 16, max: 64, scale: ln}\n", "sweep.yaml:10:39: field 'axes.ifmap_kb.scale': unknown scale 'ln'. Fix: use 'scale: log2'")]
    [InlineData("axes:\n  ifmap_kb: {min: 16, max: 64, step: 16, scale: log2}\n", "field 'axes.ifmap_kb.scale': a range has either a step or 'scale: log2', not both")]
    [InlineData("axes:\n  ifmap_kb: {min: 16, max: 64, stepp: 16}\n", "sweep.yaml:10:32: field 'axes.ifmap_kb.stepp': unknown key. Fix: did you mean 'step'?")]
    [InlineData("axes:\n  ifmap_kb: {min: 0, max: 64, step: 16}\n", "sweep.yaml:10:19: field 'axes.ifmap_kb.min': min 0 is not a valid value. Fix: use a positive number")]
    [InlineData("axes:\n  rows: {min: 1, max: 1000000, step: 1}\n", "field 'axes.rows.step': the range has 1000000 values (more than 100000)")]
    [InlineData("axes:\n  dram_bandwidth_bytes_per_cycle: {min: 8, max: 64}\n", "sweep.yaml:10:35: field 'axes.dram_bandwidth_bytes_per_cycle': 'dram_bandwidth_bytes_per_cycle' is a continuous range ({min, max} with no step), which a grid cannot enumerate. Fix: add 'step: X' or 'scale: log2', or sample it")]
    [InlineData("axes:\n  rows: {min: 4, max: 32}\nsampling: {method: lhs, points: 4}\n", "sweep.yaml:10:9: field 'axes.rows': 'rows' takes whole numbers, so a range needs a step or 'scale: log2'. Fix:")]
    [InlineData("axes:\n  dataflow: {min: 1, max: 2}\n", "sweep.yaml:10:13: field 'axes.dataflow': 'dataflow' takes a list of names, not a range. Fix:")]
    // new axes
    [InlineData("axes:\n  word_bytes: [1, 3]\n", "sweep.yaml:10:19: field 'axes.word_bytes': '3' is not a valid value. Fix: use 1 (int8), 2 (fp16) or 4 (fp32)")]
    [InlineData("axes:\n  word_bytes: {min: 1, max: 4, step: 1}\n", "sweep.yaml:10:15: field 'axes.word_bytes': the range gives 3, which is not a valid value. Fix: use 1 (int8)")]
    [InlineData("axes:\n  vector_lanes: [1, 64]\n", "sweep.yaml:10:18: field 'axes.vector_lanes': '1' is not a valid value. Fix: use a whole number of lanes from 2")]
    [InlineData("axes:\n  dram_latency_cycles: [-1]\n", "sweep.yaml:10:25: field 'axes.dram_latency_cycles': '-1' is not a valid value. Fix: use a whole number of cycles ≥ 0")]
    // objectives
    [InlineData("objectives: [latency_cycles, energy_pjj]\n", "sweep.yaml:9:30: field 'objectives': unknown metric 'energy_pjj'. Fix: did you mean 'energy_pj'?")]
    [InlineData("objectives: [latency_cycles, latency_cycles]\n", "sweep.yaml:9:30: field 'objectives': 'latency_cycles' is listed twice. Fix: list each objective once")]
    [InlineData("objectives:\n  - latency_cycles\n  - {metric: latency_cycles, goal: max}\n", "sweep.yaml:11:5: field 'objectives[1].metric': 'latency_cycles' is listed twice")]
    [InlineData("objectives: []\n", "sweep.yaml:9:13: field 'objectives': the list names no objective. Fix: name at least one metric")]
    [InlineData("objectives: [{metric: energy_pj, goal: up}]\n", "sweep.yaml:9:40: field 'objectives[0].goal': unknown goal 'up'. Fix: use min or max")]
    [InlineData("objectives: [{metric: areaa_mm2}]\n", "sweep.yaml:9:23: field 'objectives[0].metric': unknown metric 'areaa_mm2'. Fix: did you mean 'area_mm2'?")]
    // constraints
    [InlineData("constraints:\n  - pe_cout: 1024\n", "sweep.yaml:10:5: field 'constraints[0].pe_cout': unknown key. Fix: did you mean 'pe_count'?")]
    [InlineData("constraints:\n  - latency_cycles: {max: 5}\n", "sweep.yaml:10:21: field 'constraints[0].latency_cycles': 'latency_cycles' is a simulation result, but constraints are checked on the arch before simulation. Fix: optimise it as an objective")]
    [InlineData("constraints:\n  - area_mm2: {min: 3, max: 2}\n", "sweep.yaml:10:21: field 'constraints[0].area_mm2.min': min 3 is greater than max 2. Fix:")]
    [InlineData("constraints:\n  - {pe_count: 64, area_mm2: 1}\n", "sweep.yaml:10:5: field 'constraints[0]': a constraint names one metric, this item has 2. Fix:")]
    [InlineData("constraints:\n  - area_mm2: {tolerance: 0.1}\n", "field 'constraints[0].area_mm2.tolerance': a tolerance needs a target")]
    [InlineData("constraints:\n  - area_mm2: {target: 1, tolerance: -0.1}\n", "field 'constraints[0].area_mm2.tolerance': tolerance -0.1 is negative")]
    [InlineData("constraints:\n  - area_mm2: {target: 1, max: 2}\n", "field 'constraints[0].area_mm2.max': a constraint has either {target, tolerance} or {min, max}, not both")]
    [InlineData("constraints:\n  - area_mm2: {}\n", "field 'constraints[0].area_mm2': the constraint has no bound")]
    [InlineData("constraints:\n  - pe_count: many\n", "sweep.yaml:10:15: field 'constraints[0].pe_count': 'many' is not a number. Fix:")]
    public void Each_malformed_spec_is_an_input_error_with_its_place_and_a_fix(string rest, string expected)
    {
        var e = SpecFixture.Error(rest);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(". Fix: ", e.Message, StringComparison.Ordinal);
    }
}
