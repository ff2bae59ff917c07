namespace Nomadic.AI.Tests;

/// <summary>Waits (in real time, briefly) for asynchronous continuations to catch up with a fake clock.</summary>
internal static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<bool> condition, int milliseconds = 5000)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds > milliseconds)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }
}
