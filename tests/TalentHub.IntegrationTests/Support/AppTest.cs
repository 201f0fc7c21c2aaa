namespace TalentHub.IntegrationTests.Support;

/// <summary>Base for tests that share the demo app of the collection.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(TalentHubFactory app)
{
    protected TalentHubFactory App { get; } = app;
}
