using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

public sealed class PagedTests
{
    [Theory]
    [InlineData(1, 0, 20, 1)]    // an empty list still has page 1
    [InlineData(0, 45, 20, 1)]   // below the first page
    [InlineData(-3, 45, 20, 1)]
    [InlineData(3, 45, 20, 3)]   // 45 rows: pages of 20, 20, 5
    [InlineData(4, 45, 20, 3)]   // past the last page
    [InlineData(2, 40, 20, 2)]   // exactly two full pages
    [InlineData(3, 40, 20, 2)]
    public void The_requested_page_is_moved_into_the_pages_there_are(int requested, int total, int size, int expected) =>
        Assert.Equal(expected, Paged.Clamp(requested, total, size));

    [Fact]
    public void A_page_knows_how_many_pages_the_list_has() =>
        Assert.Equal(3, new Paged<int>([1, 2, 3, 4, 5], 3, 20, 45).PageCount);
}
