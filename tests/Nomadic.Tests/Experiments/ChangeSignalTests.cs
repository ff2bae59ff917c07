using Nomadic.Experiments;

namespace Nomadic.Tests.Experiments;

public class ChangeSignalTests
{
    [Fact]
    public void Raise_CompletesTheTaskHandedOutBeforeItAndNotTheNextOne()
    {
        var signal = new ChangeSignal();
        Task before = signal.Next;

        signal.Raise();

        Assert.True(before.IsCompletedSuccessfully);
        Assert.False(signal.Next.IsCompleted);
    }
}
