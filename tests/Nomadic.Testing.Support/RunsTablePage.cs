using Microsoft.Playwright;

namespace Nomadic.Testing;

/// <summary>What the browser tests read from a runs table, the same in the HTML report and on the dashboard.</summary>
public static class RunsTablePage
{
    /// <summary>The position of the column of a group ("parameter" or "metadata") and name in the runs table's last header row.</summary>
    public static Task<int> ColumnAsync(IPage page, string group, string name) =>
        page.EvaluateAsync<int>(
            "([group, name]) => Array.from(document.querySelectorAll('#runs thead tr:last-child th')).findIndex(th => th.classList.contains(group) && th.textContent === name)",
            new[] { group, name });

    /// <summary>The words of the runs table's header and first row, as shown, that a line break splits, e.g. "complet" + "ed".</summary>
    public static Task<string[]> BrokenWordsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => {
              const broken = [];
              for (const cell of document.querySelectorAll('#runs thead th, #runs tbody tr:first-child td')) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (!node.parentElement.checkVisibility()) { continue; }
                  for (const word of node.data.matchAll(/[\p{L}\p{N}_]+/gu)) {
                    const range = document.createRange();
                    range.setStart(node, word.index);
                    range.setEnd(node, word.index + word[0].length);
                    if (new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size > 1) { broken.push(word[0]); }
                  }
                }
              }
              return broken;
            }
            """);
}
