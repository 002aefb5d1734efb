using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Tests;

public class ModelAdapterTests
{
    [Fact]
    public void Quantity_observation_has_the_api_server_columns()
    {
        var o = ModelAdapter.Run(new QuantityCase("1.5Gi"), Profile.Default).Quantity!;
        Assert.True(o.Ok);
        Assert.Equal(("1536Mi", "1536Mi", "BinarySI", 1610612736000L, 1610612736L), (o.String, o.Canonical, o.Format, o.MilliValue, o.Value));
    }
}
