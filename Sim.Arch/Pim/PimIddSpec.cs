namespace Sim.Arch.Pim;

/// <summary>
/// A DRAM device's supply voltage and IDD currents (mA), NewtonSim's power inputs (configuration.cc::InitPowerParams).
/// </summary>
/// <param name="DevicesPerRank">Devices sharing a rank's commands (one x128 HBM2 device per channel in NeuPIMs).</param>
public sealed record PimIddSpec(
    string Name,
    double VddVolts,
    double Idd0Ma,
    double Idd2nMa,
    double Idd3nMa,
    double Idd4rMa,
    double Idd4wMa,
    double Idd5abMa,
    int DevicesPerRank)
{
    /// <summary>
    /// NeuPIMs' HBM2 (extern/NewtonSim/configs/HBM2_8Gb_x128_dualpim.ini at casys-kaist/NeuPIMs f299af3; research notes
    /// §A.1.2): VDD 1.2 V, IDD0 65, IDD2N 40, IDD3N 55, IDD4R 390, IDD4W 500, IDD5AB 250 mA.
    /// </summary>
    public static PimIddSpec NeuPimsHbm2 { get; } = new("neupims-hbm2", 1.2, 65, 40, 55, 390, 500, 250, 1);
}
