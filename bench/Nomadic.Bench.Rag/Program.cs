using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nomadic.AI.Models;
using Nomadic.AI.Rag;

// Throughput of the retrieval pipeline's parts on the shipped example (examples/rag), and the example's wall time.
string root = FindRoot();
string example = Path.Combine(root, "examples", "rag");
RagDataset dataset = RagDataset.Load(Path.Combine(example, "corpus"), Path.Combine(example, "questions.jsonl"));
List<Chunk> chunks = dataset.Documents.SelectMany(new FixedSizeChunker(80).Split).ToList();
string[] questions = dataset.Questions.Select(q => q.Question).ToArray();
var rows = new List<(string Name, double Value, string Unit, string Note)>();

var bm25 = new Bm25Retriever(chunks);
rows.Add(("bm25_queries", Rate(questions.Length, () => Each(questions, q => bm25.RetrieveAsync(q, 5, default).AsTask().Wait()), 20), "queries/s", $"{chunks.Count} chunks of 80 words"));

IReadOnlyList<Chunk>[] retrieved = questions.Select(q => bm25.RetrieveAsync(q, 5, default).AsTask().Result.Select(c => c.Chunk).ToList()).ToArray<IReadOnlyList<Chunk>>();
rows.Add(("retrieval_metrics", Rate(questions.Length, () =>
{
    for (int i = 0; i < questions.Length; i++)
    {
        RetrievalMetrics.Evaluate(dataset.Questions[i], retrieved[i], chunks, 5);
    }
}, 20), "items/s", "all four metrics at k = 5, relevance judged against every chunk of the index"));

Nomadic.AI.Datasets.EvaluationItem[] items = dataset.Questions.Select(q => new Nomadic.AI.Datasets.EvaluationItem(q.Id, q.Question) { Reference = q.Answer }).ToArray();
rows.AddRange(Nomadic.Bench.Rag.EvaluatorThroughput.Measure(items, retrieved.Select(r => r[0].Text).ToArray()));
rows.AddRange(Nomadic.Bench.Rag.JudgeThroughput.Measure(items, retrieved.Select(r => r[0].Text).ToArray()));

string[] texts = chunks.Take(128).Select(c => c.Text).ToArray();
foreach (int batch in new[] { 1, 32 })
{
    using var model = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { BatchSize = batch, Cache = false });
    model.GenerateAsync(texts.Take(4)).Wait();
    rows.Add(($"embedding_batch_{batch}", Rate(texts.Length, () => model.GenerateAsync(texts).Wait(), 1), "texts/s", "all-MiniLM-L6-v2, 128 chunks of 80 words, cache off"));
}

using (var cached = new MiniLmEmbeddingGenerator())
{
    EmbeddingRetriever dense = EmbeddingRetriever.CreateAsync(chunks, cached, default).Result;
    Each(questions, q => dense.RetrieveAsync(q, 5, default).AsTask().Wait());
    rows.Add(("embedding_queries", Rate(questions.Length, () => Each(questions, q => dense.RetrieveAsync(q, 5, default).AsTask().Wait()), 20), "queries/s", "query vectors cached: cosine over every chunk"));
}

string cli = Path.Combine(root, "src", "Nomadic.Cli", "Nomadic.Cli.csproj");
Run("dotnet", $"build -c Release {cli}");
string outDir = Directory.CreateTempSubdirectory("nomadic-rag-bench").FullName;
var demo = Stopwatch.StartNew();
Run("dotnet", $"run --no-build -c Release --project {cli} -- run {Path.Combine(example, "experiment.yaml")} --out-dir {outDir}");
rows.Add(("rag_demo_wall", demo.Elapsed.TotalSeconds, "s", "nomadic run examples/rag/experiment.yaml (30 runs, 2 at a time), built, fresh storage"));
Directory.Delete(outDir, true);

string results = Path.Combine(root, "bench", "results");
Directory.CreateDirectory(results);
var json = new
{
    machine = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
    date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    measurements = rows.Select(r => new { name = r.Name, value = Math.Round(r.Value, 1), unit = r.Unit, note = r.Note }),
};
File.WriteAllText(Path.Combine(results, "rag.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
var md = new StringBuilder($"# RAG pipeline throughput\n\n{json.machine}, {json.date}.\n\n| measurement | value | unit | what |\n|---|---:|---|---|\n");
foreach (var r in rows)
{
    md.Append(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Value:0.#} | {r.Unit} | {r.Note} |\n");
}

File.WriteAllText(Path.Combine(results, "rag.md"), md.ToString());
Console.Write(md);

static void Each(string[] items, Action<string> action)
{
    foreach (string item in items)
    {
        action(item);
    }
}

// The best rate over the repeats: the least disturbed by other work on a shared machine.
static double Rate(int items, Action action, int repeats)
{
    action();
    double best = 0;
    for (int i = 0; i < repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        best = Math.Max(best, items / watch.Elapsed.TotalSeconds);
    }

    return best;
}

static void Run(string program, string arguments)
{
    using Process process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} {arguments} exited with {process.ExitCode}");
    }
}

static string FindRoot()
{
    for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Nomadic.slnx")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Nomadic.slnx not found above " + AppContext.BaseDirectory);
}
