package io.grapevine.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlerSpecTest {
    private static final HandlerEvent JOIN = member(EventType.MEMBER_JOIN);
    private static final HandlerEvent LEAVE = member(EventType.MEMBER_LEAVE);
    private static final HandlerEvent DEPLOY = user("deploy");
    private static final HandlerEvent RESTART = user("restart");

    private static HandlerEvent member(EventType type) {
        return new HandlerEvent(type, "alice", 0, Bytes.EMPTY);
    }

    private static HandlerEvent user(String name) {
        return new HandlerEvent(EventType.USER, name, 7, Bytes.EMPTY);
    }

    @Test
    void aScriptWithoutFilterRunsForEveryEvent() {
        HandlerSpec spec = HandlerSpec.parse("./handle.sh arg");
        assertThat(spec.script()).isEqualTo("./handle.sh arg");
        assertThat(spec.filters()).isEqualTo(EventFilter.all());
        assertThat(List.of(JOIN, LEAVE, DEPLOY, RESTART)).allMatch(spec::matches);
    }

    @Test
    void starRunsForEveryEventAndLetsTheScriptContainEquals() {
        HandlerSpec spec = HandlerSpec.parse("*=FOO=bar ./handle.sh");
        assertThat(spec.script()).isEqualTo("FOO=bar ./handle.sh");
        assertThat(List.of(JOIN, LEAVE, DEPLOY)).allMatch(spec::matches);
    }

    @Test
    void aListedFilterMatchesOnlyItsTypes() {
        HandlerSpec spec = HandlerSpec.parse("member-join, user=./handle.sh");
        assertThat(spec.filters()).containsExactly(EventFilter.of(EventType.MEMBER_JOIN), EventFilter.of(EventType.USER));
        assertThat(spec.matches(JOIN)).isTrue();
        assertThat(spec.matches(DEPLOY)).isTrue();
        assertThat(spec.matches(LEAVE)).isFalse();
        assertThat(spec.matches(member(EventType.MEMBER_FAILED))).isFalse();
    }

    @Test
    void aUserNameFilterMatchesOnlyThatName() {
        HandlerSpec spec = HandlerSpec.parse("user:deploy=./deploy.sh");
        assertThat(spec.matches(DEPLOY)).isTrue();
        assertThat(spec.matches(RESTART)).isFalse();
        assertThat(spec.matches(user("deploy2"))).isFalse();
        assertThat(spec.matches(JOIN)).isFalse();
    }

    @Test
    void everyTypeHasItsSerfName() {
        HandlerSpec spec = HandlerSpec.parse(
                "member-join,member-leave,member-failed,member-update,member-reap,user=x");
        assertThat(spec.filters()).isEqualTo(EventFilter.all());
    }

    @Test
    void duplicatesCollapseInFlagOrder() {
        HandlerSpec spec = HandlerSpec.parse("user:deploy,member-leave,user:deploy=x");
        assertThat(spec.filters()).containsExactly(EventFilter.user("deploy"), EventFilter.of(EventType.MEMBER_LEAVE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "./handle.sh",
        "*=FOO=bar ./handle.sh",
        "member-join,user:deploy=./handle.sh",
        "member-failed=echo 'a=b'",
    })
    void toStringParsesBackToAnEqualSpec(String text) {
        HandlerSpec spec = HandlerSpec.parse(text);
        assertThat(HandlerSpec.parse(spec.toString())).isEqualTo(spec);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "bogus=./x.sh                | --event-handler 'bogus=./x.sh': unknown event type 'bogus'",
        "member-joined=./x.sh        | unknown event type 'member-joined' (expected member-join, member-leave",
        "FOO=bar ./x.sh              | unknown event type 'FOO'",
        "member-join=                | --event-handler 'member-join=': the script is empty",
        "\"user=   \"                | --event-handler 'user=   ': the script is empty",
        "=./x.sh                     | --event-handler '=./x.sh': the filter before '=' is empty",
        "member-join,,user=./x.sh    | --event-handler 'member-join,,user=./x.sh': empty event type",
        "user:=./x.sh                | --event-handler 'user:=./x.sh': no user event name after 'user:'",
        "query=./x.sh                | unknown event type 'query'",
    })
    void aBadSpecNamesTheFlagAndTheBadPart(String text, String message) {
        assertThatThrownBy(() -> HandlerSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anEmptyValueIsAnEmptyScript() {
        assertThatThrownBy(() -> HandlerSpec.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--event-handler '': the script is empty");
    }

    @Test
    void theConstructorRefusesNoFiltersAndABlankScript() {
        assertThatThrownBy(() -> new HandlerSpec(List.of(), "x"))
                .hasMessage("--event-handler: the filter must list at least one event type");
        assertThatThrownBy(() -> new HandlerSpec(EventFilter.all(), " "))
                .hasMessage("--event-handler: the script is empty");
    }

    @Test
    void onlyUserFiltersTakeAName() {
        assertThatThrownBy(() -> new EventFilter(EventType.MEMBER_JOIN, "deploy"))
                .hasMessage("only user events take a name, not member-join:deploy");
    }
}
