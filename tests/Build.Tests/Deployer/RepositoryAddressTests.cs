using Xooo.Build.Deployer;

namespace Xooo.Build.Tests.Deployer;

public class RepositoryAddressTests
{
    [Theory]
    [InlineData("https://github.com/XOOO-No-Code-Software-Development/coolify-nixpacks-deployer.git", "XOOO-No-Code-Software-Development", "coolify-nixpacks-deployer")]
    [InlineData("https://github.com/owner/name", "owner", "name")]
    [InlineData("git@github.com:owner/name.git", "owner", "name")]
    [InlineData("ssh://git@github.example.com:2222/team/deployer.git", "team", "deployer")]
    [InlineData("https://ghe.example.com/team/deployer.git/", "team", "deployer")]
    public void The_GitHub_owner_and_name_come_from_the_address(string address, string owner, string name) =>
        Assert.Equal((owner, name), RepositoryAddress.GitHubRepository(address));

    [Theory]
    [InlineData("/srv/git/deployer.git")]
    [InlineData("../deployer.git")]
    [InlineData("file:///srv/git/deployer.git")]
    public void A_local_repository_names_no_GitHub_repository(string address) =>
        Assert.Null(RepositoryAddress.GitHubRepository(address));

    [Theory]
    [InlineData("https://github.com/owner/name.git", "https://GitHub.com/owner/name")]
    [InlineData("https://github.com/owner/name.git", "https://github.com/owner/name/")]
    [InlineData("/srv/git/deployer.git", "file:///srv/git/deployer.git")]
    [InlineData("/srv/git/deployer.git", "/srv/git/deployer.git/")]
    public void Two_spellings_of_one_repository_are_the_same(string left, string right) =>
        Assert.True(RepositoryAddress.AreSame(left, right));

    [Theory]
    [InlineData("https://github.com/owner/name.git", "https://github.com/owner/other.git")]
    [InlineData("/srv/git/deployer.git", "/srv/git/deployer")]
    [InlineData("https://github.com/owner/name.git", "https://github.example.com/owner/name.git")]
    public void Different_repositories_are_not_the_same(string left, string right) =>
        Assert.False(RepositoryAddress.AreSame(left, right));

    [Fact]
    public void A_relative_local_path_is_taken_from_the_build_root() =>
        Assert.Equal("/work/repos/deployer.git", RepositoryAddress.Resolve("../repos/deployer.git", "/work/root"));

    [Fact]
    public void A_github_repository_override_must_be_owner_slash_name()
    {
        Assert.Equal(("owner", "name"), RepositoryAddress.ParseOwnerAndName("owner/name"));
        var error = Assert.Throws<DeployerException>(() => RepositoryAddress.ParseOwnerAndName("just-a-name"));
        Assert.Contains("--github-repository 'just-a-name' is not of the form owner/name", error.Message);
    }
}
