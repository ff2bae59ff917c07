using System.Text.Json;
using Microsoft.Playwright;

namespace Nomadic.Testing;

/// <summary>
/// What a person must read in the runs table of a <see cref="ListMetadataExperiment"/> result, the same in the HTML
/// report and on the dashboard: list metadata as JSON, durations that show time was taken, and a cut value that
/// opens to the whole, readable in its cell.
/// </summary>
public static class ListMetadataTable
{
    /// <summary>Checks the first row of the page's runs table, opening its cut value.</summary>
    /// <param name="page">The page showing the runs table.</param>
    /// <param name="textScope">The element whose text must hold no .NET type name.</param>
    /// <param name="opened">Called once the cut value is open, e.g. to take a screenshot.</param>
    public static async Task AssertReadableAsync(IPage page, string textScope, Func<Task>? opened = null)
    {
        ILocator row = page.Locator("#runs tbody tr").First;
        string scores = await row.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "item_scores")).InnerTextAsync();
        Assert.Matches(@"^\[\d(\.\d+)?(,\d(\.\d+)?){3}\]$", scores);
        ILocator outputs = row.Locator("td").Nth(await RunsTablePage.ColumnAsync(page, "metadata", "example_outputs"));
        string shortened = await outputs.InnerTextAsync();
        Assert.StartsWith("[{\"question\":\"What is the capital of France?\",\"answer\":\"The capital", shortened, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", await page.InnerTextAsync(textScope), StringComparison.Ordinal);
        Assert.Empty(await RunsTablePage.BrokenWordsAsync(page));

        // Runs of well under a millisecond still show that they took time.
        string[] durations = await page.Locator("#runs tbody tr[data-status=completed]").EvaluateAllAsync<string[]>(
            "rows => { const at = Array.from(document.querySelectorAll('#runs thead tr:last-child th')).findIndex(th => th.textContent === 'duration'); return rows.map(r => r.cells[at].innerText); }");
        Assert.NotEmpty(durations);
        Assert.All(durations, d => Assert.Matches(@"^(< 0\.001|\d+(\.\d+)?) s$", d));
        Assert.DoesNotContain("0 s", durations);

        // The cut value opens to the whole, readable inside its cell.
        ILocator whole = outputs.Locator(".whole");
        Assert.False(await whole.IsVisibleAsync());
        await outputs.Locator("summary").ClickAsync();
        if (opened is not null)
        {
            await opened();
        }

        Assert.True(await whole.IsVisibleAsync());
        JsonElement answers = JsonDocument.Parse(await whole.InnerTextAsync()).RootElement;
        Assert.Equal(ListMetadataExperiment.LongAnswer, answers[0].GetProperty("answer").GetString());
        Assert.Equal("2 + 2?", answers[1].GetProperty("question").GetString());
        Assert.True(await whole.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The opened value is wider than its cell.");
        Assert.True(await whole.EvaluateAsync<double>("e => e.getBoundingClientRect().width") >= 400, "The opened value is squeezed into a narrow column.");
        Assert.Empty(await RunsTablePage.BrokenWordsAsync(page));
    }
}
