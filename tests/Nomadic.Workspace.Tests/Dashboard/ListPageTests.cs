using Nomadic.Experiments;
using Nomadic.Storage;
using Nomadic.Storage.Sqlite;
using Nomadic.Workspace.Store;
using Nomadic.Workspace.Tests.Support;

namespace Nomadic.Workspace.Tests.Dashboard;

public sealed class ListPageTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly CountingStorage _storage;
    private readonly WorkspaceFactory _factory;

    public ListPageTests()
    {
        string path = _folder.File("nomadic.db");
        _storage = new CountingStorage(new SqliteExperimentStorage(path));
        _factory = new WorkspaceFactory(_storage, new SqliteWorkspaceStore(path));
    }

    [Fact]
    public async Task Render_WorkspaceAllowedToAdopt_ListsTheCommandLinesExperimentsWithOneStorageRead()
    {
        string[] names = ["first", "second", "third"];
        foreach (string name in names)
        {
            await RunFromCliAsync(name);
        }

        long[] ids = [.. names.Select(n => _storage.FindExperiment(n)!.Id)];
        using HttpClient browser = await _factory.SignedInAsync(_factory.AdminKey);
        _storage.Reset();

        string page = await browser.GetStringAsync("/");

        foreach ((string name, long id) in names.Zip(ids))
        {
            Assert.Contains($"<a href=\"/experiments/{id}\"><bdi>{name}</bdi></a> <span class=\"source\">written by the command line</span>", page, StringComparison.Ordinal);
        }

        Assert.Equal(names.Length, page.Split("<td>3</td><td>0</td><td>0</td><td>0.5</td>").Length - 1);

        // The storage's summaries once, best scores included; no look-up nor trial read per experiment.
        Assert.Equal(1, _storage[nameof(IExperimentStorage.ListExperimentSummaries)]);
        Assert.Equal(0, _storage[nameof(IExperimentStorage.ListExperiments)]);
        Assert.Equal(0, _storage[nameof(IExperimentStorage.FindExperiment)]);
        Assert.Equal(0, _storage[nameof(IExperimentStorage.ReadTrials)]);
    }

    [Fact]
    public async Task Render_WorkspaceNotAllowedToAdopt_ListsOnlyItsOwnExperiments()
    {
        await RunFromCliAsync("from-cli");
        using HttpClient api = _factory.Client(_factory.KeyA);
        await Samples.CreateExperimentAsync(api, "made-here");
        using HttpClient browser = await _factory.SignedInAsync(_factory.KeyA);

        string page = await browser.GetStringAsync("/");

        Assert.Contains("<bdi>made-here</bdi>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("from-cli", page, StringComparison.Ordinal);
        Assert.DoesNotContain("written by the command line", page, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Dispose();
    }

    private async Task RunFromCliAsync(string name)
    {
        var experiment = new Experiment(Samples.Space(), _ => 0.5, new ExperimentOptions { Name = name, Storage = _storage, NumSamples = 3, Seed = 1 });
        Assert.Equal(3, (await experiment.RunAsync()).Count);
    }
}
