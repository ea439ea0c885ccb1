using Xooo.Build.Image;

namespace Xooo.Build.Tests.Image;

public sealed class ImageNamesTests
{
    [Fact]
    public void Latest_prev_candidate_and_keepers_are_named_from_the_image_name()
    {
        var names = new ImageNames("xooo-backend-base", "latest");

        Assert.Equal(("xooo-backend-base:latest", "xooo-backend-base:prev", "xooo-backend-base:candidate"), (names.Latest, names.Prev, names.Candidate));
        Assert.Equal(("xooo-backend-base-latest-keeper", "xooo-backend-base-prev-keeper"), (names.LatestKeeper, names.PrevKeeper));
    }

    [Fact]
    public void Another_tag_and_a_registry_path_give_valid_container_names()
    {
        var names = new ImageNames("registry.local:5000/team/base", "stable");

        Assert.Equal(("registry.local:5000/team/base:stable-prev", "registry.local:5000/team/base:stable-candidate"), (names.Prev, names.Candidate));
        Assert.Equal("registry.local-5000-team-base-stable-keeper", names.LatestKeeper);
    }

    [Fact]
    public void Keepers_are_labelled_unmanaged_so_coolify_leaves_them()
    {
        Assert.Equal("false", ImageNames.KeeperLabels("x:latest")["coolify.managed"]);
    }
}
