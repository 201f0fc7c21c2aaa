using TalentHub.IntegrationTests.Postgres;
using TalentHub.IntegrationTests.ScaleOut;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("TalentHub.IntegrationTests.Support.SharedAppsFirst", "TalentHub.IntegrationTests")]

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// Starts the collections that run many classes one after another on one shared app first, longest first: the
/// <see cref="AppCollection"/> (about half of the suite's test time), then <see cref="PostgresCollection"/> and
/// <see cref="ScaleOutCollection"/>; the others follow in xunit's default order.
/// <para>
/// Why: xunit runs as many collections at once as there are cores (2 on CI) and starts them in this order. Its default
/// order (by a hash of each collection's id, fixed for a given assembly) put the shared app's collection after almost
/// all the one-class collections: once those were done it ran alone for six minutes with the second core idle
/// (CI run of 3 December 2026: integration 12 min 53 s). Started first, it runs beside them.
/// </para>
/// </summary>
public sealed class SharedAppsFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [AppCollection.Name, PostgresCollection.Name, ScaleOutCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections)
            .OrderBy(c => Array.IndexOf(First, c.DisplayName) is var i and >= 0 ? i : First.Length); // stable: the rest keep their order
}
