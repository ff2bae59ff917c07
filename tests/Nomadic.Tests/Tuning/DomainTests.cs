using CsCheck;
using Nomadic.Tuning;

namespace Nomadic.Tests.Tuning;

public class DomainTests
{
    [Fact]
    public void Sample_SameSeed_GivesSameValues()
    {
        DomainGenerators.Any.Sample(domain =>
        {
            var first = new Random(17);
            var second = new Random(17);

            Assert.Equal(
                Enumerable.Range(0, 20).Select(_ => domain.Sample(first)),
                Enumerable.Range(0, 20).Select(_ => domain.Sample(second)));
        }, iter: 50);
    }

    [Fact]
    public void Sample_AnyDomain_ReturnsFromUnitOfTheNextDouble()
    {
        DomainGenerators.Any.Sample(domain =>
        {
            var random = new Random(3);
            double u = new Random(3).NextDouble();

            Assert.Equal(domain.FromUnit(u), domain.Sample(random));
        }, iter: 50);
    }

    [Fact]
    public void Sample_AnyDomain_ValueIsContained()
    {
        Gen.Select(DomainGenerators.Any, Gen.Int).Sample((domain, seed) =>
        {
            object? value = domain.Sample(new Random(seed));

            Assert.True(domain.Contains(value), $"{domain} does not contain its sample {value}");
        });
    }

    [Fact]
    public void Sample_NullRandom_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Tune.Uniform(0, 1).Sample(null!));
    }
}
