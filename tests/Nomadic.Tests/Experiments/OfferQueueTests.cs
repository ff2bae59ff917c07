using Nomadic.Experiments;
using Nomadic.Tuning;

namespace Nomadic.Tests.Experiments;

public class OfferQueueTests
{
    [Fact]
    public void TryTake_OffersAdded_ComeBackInOrderAsCopiesWithTheirKeys()
    {
        var queue = new OfferQueue(["x"]);
        var first = new Dictionary<string, object?> { ["x"] = 1 };
        queue.Add(first, isBaseline: true);
        queue.Add(new Dictionary<string, object?> { ["x"] = 2 }, isBaseline: false);
        first["x"] = 9;

        Assert.True(queue.TryTake(out OfferQueue.Offer? baseline));
        Assert.True(queue.TryTake(out OfferQueue.Offer? second));
        Assert.False(queue.TryTake(out _));
        Assert.Equal(1, baseline.Params["x"]);
        Assert.True(baseline.IsBaseline);
        Assert.Equal(ConfigurationKey.Of(["x"], new Dictionary<string, object?> { ["x"] = 2 }), second.Key);
        Assert.False(second.IsBaseline);
    }
}
