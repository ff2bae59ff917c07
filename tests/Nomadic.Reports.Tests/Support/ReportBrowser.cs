using Microsoft.Playwright;

namespace Nomadic.Reports.Tests.Support;

/// <summary>Debian's Chromium, headless through Playwright, and what the browser tests read from a report's runs table.</summary>
internal static class ReportBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: install Debian's chromium package (.ci/run does).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>The position of the column of a group ("parameter" or "metadata") and name in the runs table's last header row.</summary>
    public static Task<int> ColumnAsync(IPage page, string group, string name) =>
        page.EvaluateAsync<int>(
            "([group, name]) => Array.from(document.querySelectorAll('#runs thead tr:last-child th')).findIndex(th => th.classList.contains(group) && th.textContent === name)",
            new[] { group, name });
}
