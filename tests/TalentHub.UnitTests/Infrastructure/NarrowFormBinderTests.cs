using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>Numbers, dates and times typed with a Chinese input method (full-width digits, sign, point, colon) bind as their ASCII form.</summary>
public sealed class NarrowFormBinderTests
{
    [Theory]
    [InlineData(typeof(int?), "１５", 15)]
    [InlineData(typeof(int), "－３", -3)]
    [InlineData(typeof(int), " 42 ", 42)]
    [InlineData(typeof(decimal?), "１２．５", 12.5)]
    [InlineData(typeof(decimal), "＋0.25", 0.25)]
    [InlineData(typeof(long), "９\u200B９", 99L)]
    public async Task FullWidthNumbers_Bind(Type type, string typed, object expected)
    {
        var (context, _) = await BindAsync(type, typed);
        Assert.True(context.Result.IsModelSet);
        Assert.Equal(Convert.ChangeType(expected, Nullable.GetUnderlyingType(type) ?? type, CultureInfo.InvariantCulture), context.Result.Model);
        Assert.Equal(0, context.ModelState.ErrorCount);
    }

    [Fact]
    public async Task FullWidthTimesAndDates_Bind()
    {
        var (time, _) = await BindAsync(typeof(TimeOnly?), "０９：３０");
        Assert.Equal(new TimeOnly(9, 30), time.Result.Model);
        var (date, _) = await BindAsync(typeof(DateOnly?), "２０２６－１２－０２");
        Assert.Equal(new DateOnly(2026, 12, 2), date.Result.Model);
    }

    [Theory]
    [InlineData("十五")]
    [InlineData("１５ａ")]
    public async Task WhatIsStillNotANumber_IsRefusedAtTheField(string typed)
    {
        var (context, _) = await BindAsync(typeof(int?), typed);
        Assert.False(context.Result.IsModelSet);
        Assert.Single(context.ModelState["Value"]!.Errors);
    }

    [Fact]
    public async Task OtherFields_AreReadAsSent_AfterBinding()
    {
        var (context, original) = await BindAsync(typeof(int?), "１５");
        Assert.Same(original, context.ValueProvider);
    }

    [Fact]
    public void OnlyNumbersDatesAndTimesGetTheBinder()
    {
        var metadata = new EmptyModelMetadataProvider();
        Assert.True(Handles(metadata.GetMetadataForType(typeof(decimal?))));
        Assert.False(Handles(metadata.GetMetadataForType(typeof(string))));
        Assert.True(Handles(metadata.GetMetadataForType(typeof(DateOnly?))));
        Assert.True(Handles(metadata.GetMetadataForType(typeof(TimeOnly))));
        Assert.False(Handles(metadata.GetMetadataForType(typeof(bool))));
    }

    private static async Task<(DefaultModelBindingContext Context, IValueProvider Original)> BindAsync(Type type, string typed)
    {
        IValueProvider provider = new QueryStringValueProvider(BindingSource.Query,
            new QueryCollection(new Dictionary<string, StringValues> { ["Value"] = typed, ["Other"] = "１" }), CultureInfo.InvariantCulture);
        var context = new DefaultModelBindingContext
        {
            ModelMetadata = new EmptyModelMetadataProvider().GetMetadataForType(type),
            ModelName = "Value",
            ModelState = new ModelStateDictionary(),
            ValueProvider = provider,
            ActionContext = new Microsoft.AspNetCore.Mvc.ActionContext { HttpContext = new DefaultHttpContext() },
        };
        await new NarrowFormBinder(new SimpleTypeModelBinder(type, NullLoggerFactory.Instance)).BindModelAsync(context);
        return (context, provider);
    }

    private static bool Handles(ModelMetadata metadata)
    {
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        return new NarrowFormBinderProvider([new SimpleTypeModelBinderProvider()]).GetBinder(new TestProviderContext(metadata, services)) is not null;
    }

    private sealed class TestProviderContext(ModelMetadata metadata, IServiceProvider services) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo => new();
        public override ModelMetadata Metadata => metadata;
        public override IModelMetadataProvider MetadataProvider => new EmptyModelMetadataProvider();
        public override IServiceProvider Services => services;
        public override IModelBinder CreateBinder(ModelMetadata metadata) => throw new NotSupportedException();
    }
}
