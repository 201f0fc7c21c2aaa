# Build: docker build -t talenthub .
# Run:   docker run -p 8080:8080 -v talenthub-data:/data \
#          -e TalentHub__Admin__UserName=admin -e TalentHub__Admin__Password='a long passphrase' talenthub
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/TalentHub.Web/TalentHub.Web.csproj src/TalentHub.Web/
# --use-current-runtime: a publish for this platform, compiled ahead of time (ReadyToRun, see TalentHub.Web.csproj).
RUN dotnet restore src/TalentHub.Web/TalentHub.Web.csproj --use-current-runtime
COPY src/ src/
COPY seed-data/ seed-data/
RUN dotnet publish src/TalentHub.Web/TalentHub.Web.csproj -c Release --no-restore --use-current-runtime --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown -R app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    TalentHub__DataDirectory=/data \
    TalentHub__SeedDemoData=false \
    TZ=Asia/Shanghai
VOLUME ["/data"]
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["dotnet", "TalentHub.Web.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "TalentHub.Web.dll"]
