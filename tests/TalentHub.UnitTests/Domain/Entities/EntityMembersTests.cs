using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.UnitTests.Domain.Entities;

/// <summary>Who may be linked and unlinked: the guards the entity page used to check itself.</summary>
public sealed class EntityMembersTests
{
    [Fact]
    public void The_legal_representatives_leader_link_cannot_be_removed()
    {
        var e = BusinessEntityBuilder.Of(EntityType.Cooperative);
        e.LegalRepresentativeId = 7;
        e.Link(7, MemberRole.Leader);

        var error = Assert.Throws<DomainException>(() => e.Unlink(e.People[0].Id));

        Assert.Equal("Entity.CannotUnlinkLegalRepresentative", error.MessageKey);
        Assert.Null(error.Field);
        Assert.Single(e.People);
    }

    [Fact]
    public void The_legal_representative_as_a_plain_member_and_other_leaders_can_be_unlinked()
    {
        var asMember = BusinessEntityBuilder.Of(EntityType.Cooperative);
        asMember.LegalRepresentativeId = 7;
        asMember.Link(7, MemberRole.Member);
        var otherLeader = BusinessEntityBuilder.Of(EntityType.Cooperative);
        otherLeader.LegalRepresentativeId = 7;
        otherLeader.Link(8, MemberRole.Leader);

        asMember.Unlink(asMember.People[0].Id);
        otherLeader.Unlink(otherLeader.People[0].Id);

        Assert.Empty(asMember.People);
        Assert.Empty(otherLeader.People);
    }

    [Theory]
    [InlineData(EntityStatus.Draft, true)]
    [InlineData(EntityStatus.Submitted, false)]
    [InlineData(EntityStatus.Approved, true)]
    [InlineData(EntityStatus.Returned, true)]
    [InlineData(EntityStatus.Suspended, true)]
    [InlineData(EntityStatus.Deregistered, false)]
    public void People_can_be_linked_and_unlinked_until_the_entity_is_deregistered_but_not_under_review(EntityStatus status, bool allowed)
    {
        Assert.Equal(allowed, BusinessEntity.CanChangeMembersIn(status));
        Assert.Equal(allowed, BusinessEntityBuilder.In(status).CanChangeMembers);
    }

    [Fact]
    public void A_deregistered_entity_refuses_linking_and_unlinking()
    {
        var e = BusinessEntityBuilder.Of(EntityType.FamilyFarm);
        e.Link(8, MemberRole.Member);
        e.MoveStatus(EntityStatus.Deregistered, BusinessEntityBuilder.Officer, "officer", true, "注销", BusinessEntityBuilder.At);

        Assert.Equal("Entity.NotEditable", Assert.Throws<DomainException>(() => e.Link(9, MemberRole.Member)).MessageKey);
        Assert.Equal("Entity.NotEditable", Assert.Throws<DomainException>(() => e.Unlink(e.People[0].Id)).MessageKey);
        Assert.Single(e.People);
    }
}
