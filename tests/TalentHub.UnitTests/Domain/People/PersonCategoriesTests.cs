using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;

namespace TalentHub.UnitTests.Domain.People;

public sealed class PersonCategoriesTests
{
    private static Venture AVenture() => PersonBuilder.AVenture();

    [Fact]
    public void A_person_needs_at_least_one_category()
    {
        var person = new Person();

        var error = Assert.Throws<DomainException>(() => person.SetCategories([], null, null));

        Assert.Equal("Person.CategoryRequired", error.MessageKey);
        Assert.Equal(nameof(Person.Categories), error.Field);
    }

    [Fact]
    public void A_local_talent_without_a_subtype_is_refused()
    {
        var person = new Person();

        var error = Assert.Throws<DomainException>(() => person.SetCategories([TalentCategory.LocalTalent], null, null));

        Assert.Equal("Person.LocalTalentTypeRequired", error.MessageKey);
        Assert.Empty(person.Categories);
    }

    [Fact]
    public void A_local_talent_keeps_its_subtype()
    {
        var person = new Person();

        person.SetCategories([TalentCategory.LocalTalent, TalentCategory.HighQualityFarmer], LocalTalentType.Craftsman, null);

        Assert.Equal(2, person.Categories.Count);
        Assert.Equal(LocalTalentType.Craftsman, person.Categories.Single(c => c.Category == TalentCategory.LocalTalent).LocalTalentType);
        Assert.Null(person.Categories.Single(c => c.Category == TalentCategory.HighQualityFarmer).LocalTalentType);
    }

    [Fact]
    public void Changing_the_subtype_replaces_the_local_talent_category()
    {
        var person = new Person();
        person.SetCategories([TalentCategory.LocalTalent], LocalTalentType.Craftsman, null);

        person.SetCategories([TalentCategory.LocalTalent], LocalTalentType.CulturalTalent, null);

        Assert.Equal(LocalTalentType.CulturalTalent, Assert.Single(person.Categories).LocalTalentType);
    }

    [Fact]
    public void A_returning_entrepreneur_without_a_venture_is_refused()
    {
        var person = new Person();

        var error = Assert.Throws<DomainException>(() => person.SetCategories([TalentCategory.ReturningEntrepreneur], null, null));

        Assert.Equal("Person.VentureRequired", error.MessageKey);
        Assert.Equal(nameof(Person.Venture), error.Field);
    }

    [Fact]
    public void A_returning_entrepreneur_keeps_the_venture()
    {
        var person = new Person();
        var venture = AVenture();

        person.SetCategories([TalentCategory.ReturningEntrepreneur], null, venture);

        Assert.Same(venture, person.Venture);
        Assert.True(person.Has(TalentCategory.ReturningEntrepreneur));
    }

    [Fact]
    public void A_venture_is_not_kept_for_someone_who_is_not_an_entrepreneur()
    {
        var person = new Person();

        person.SetCategories([TalentCategory.ProfessionalManager], null, AVenture());

        Assert.Null(person.Venture);
    }

    [Fact]
    public void Removing_the_entrepreneur_category_drops_the_venture()
    {
        var person = new Person();
        person.SetCategories([TalentCategory.ReturningEntrepreneur, TalentCategory.PracticalTalentLeader], null, AVenture());

        person.SetCategories([TalentCategory.PracticalTalentLeader], null, person.Venture);

        Assert.Null(person.Venture);
        Assert.False(person.Has(TalentCategory.ReturningEntrepreneur));
        Assert.True(person.Has(TalentCategory.PracticalTalentLeader));
    }

    [Fact]
    public void A_category_given_twice_is_kept_once()
    {
        var person = new Person();

        person.SetCategories([TalentCategory.HighQualityFarmer, TalentCategory.HighQualityFarmer], null, null);

        Assert.Single(person.Categories);
    }

    [Theory]
    [InlineData(new TalentCategory[0], null, false, "Person.CategoryRequired")]
    [InlineData(new[] { TalentCategory.LocalTalent }, null, false, "Person.LocalTalentTypeRequired")]
    [InlineData(new[] { TalentCategory.ReturningEntrepreneur }, null, false, "Person.VentureRequired")]
    public void The_categories_are_checked_without_a_person(TalentCategory[] categories, LocalTalentType? type, bool hasVenture, string key) =>
        Assert.Equal(key, Assert.Throws<DomainException>(() => Person.CheckCategories(categories, type, hasVenture)).MessageKey);

    [Fact]
    public void A_returning_entrepreneur_with_a_venture_passes_the_check() =>
        Person.CheckCategories([TalentCategory.ReturningEntrepreneur], null, hasVenture: true);
}
