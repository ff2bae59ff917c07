using Nomadic.Analysis;
using Nomadic.Results;
using Nomadic.Workspace.Api;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Api;

public sealed class ResultDerivationsTests
{
    [Fact]
    public void Of_SameResult_ComputesImportanceAndPlotsOnce()
    {
        ExperimentResult result = TenRuns();

        ResultDerivations first = ResultDerivations.Of(result);
        ResultDerivations second = ResultDerivations.Of(result);

        Assert.Same(first, second);
        Assert.Same(first.Importance, second.Importance);
        Assert.Same(first.Plots, second.Plots);
        Assert.NotSame(first, ResultDerivations.Of(TenRuns()));
    }

    [Fact]
    public void StartImportance_ThenImportance_GivesWhatAComputationGives()
    {
        ExperimentResult result = TenRuns();
        ResultDerivations derived = ResultDerivations.Of(result);

        derived.StartImportance();

        IReadOnlyList<ParameterImportance> expected = ResultImportance.ComputeNow(result)!;
        Assert.Equal(expected.Select(i => (i.Name, i.Importance)), derived.Importance!.Select(i => (i.Name, i.Importance)));
    }

    [Fact]
    public void AllPlots_EnoughData_HoldsThePlotsAndTheImportancePlot()
    {
        ResultDerivations derived = ResultDerivations.Of(TenRuns());

        Assert.Equal(
            derived.Plots.Select(p => p.Name).Append(ResultImportance.PlotName).Order(StringComparer.Ordinal),
            derived.AllPlots.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Image_MoreKeysThanTheCap_KeepsOnlyTheFirst()
    {
        ResultDerivations derived = ResultDerivations.Of(TenRuns());
        for (int i = 0; i < ResultDerivations.MaxImages; i++)
        {
            derived.Image($"plot-{i}.svg", () => $"<svg>{i}</svg>");
        }

        int renders = 0;
        string kept = derived.Image("plot-0.svg", () => "<svg>again</svg>");
        derived.Image("extra.svg", () => $"<svg>{++renders}</svg>");
        string extra = derived.Image("extra.svg", () => $"<svg>{++renders}</svg>");

        Assert.Equal("<svg>0</svg>", kept);
        Assert.Equal("<svg>2</svg>", extra);
        Assert.Equal(2, renders);
    }

    private static ExperimentResult TenRuns() =>
        new(Samples.Space(), Enumerable.Range(0, 10).Select(i => Samples.Run(i, 0.1 * i, i % 2 == 0 ? "sgd" : "adam")), "ten");
}
