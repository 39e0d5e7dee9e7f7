package dev.tempodesk.api.group;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The shapes of {@code /api/groups}. */
public final class GroupDtos {
  private GroupDtos() {}

  /** A member of a group as the API shows it. */
  public record GroupMemberDto(long agentId, String name, boolean manager) {}

  /** A group as the API shows it. */
  public record GroupDto(
      long id,
      String name,
      String description,
      @Schema(description = "Tickets no routing rule sends elsewhere land here; never deleted")
          boolean isDefault,
      @Schema(description = "Managers first, then by name") List<GroupMemberDto> members,
      @Schema(description = "The SLA policy of the group's tickets; null: the first match")
          Long defaultSlaPolicyId,
      String defaultSlaPolicyName,
      @Schema(
              description =
                  "How long a ticket asking for skills waits for a skilled member before any"
                      + " member may take it")
          int skillWaitSeconds,
      @Schema(description = "Tickets of the group that are not CLOSED") int openTickets,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** One member in a create or change: the agent and whether they manage the group. */
  public record MemberRequest(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long agentId,
      @Schema(description = "May move the group's tickets and gets its notices; absent: false")
          Boolean manager) {}

  /**
   * A new group (POST: name required) or a change (PATCH: absent fields stay as they are; {@code
   * "defaultSlaPolicyId": null} clears the policy). A mutable bean, as "absent" and "null" differ
   * for the policy.
   */
  @Schema(description = "A group; on PATCH absent fields stay as they are")
  public static class GroupRequest {
    @Schema(maxLength = 100, description = "Unique, case-insensitive")
    private String name;

    @Schema(maxLength = 1000)
    private String description;

    @Schema(description = "The whole membership (replaces it on PATCH); each agent once")
    private List<MemberRequest> members;

    @Schema(description = "An SLA policy id; null clears it", nullable = true)
    private Long defaultSlaPolicyId;

    @JsonIgnore private boolean defaultSlaPolicyIdPresent;

    @Schema(description = "At least 0; absent on POST: 600")
    private Integer skillWaitSeconds;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public List<MemberRequest> getMembers() {
      return members;
    }

    public void setMembers(List<MemberRequest> members) {
      this.members = members;
    }

    public Long getDefaultSlaPolicyId() {
      return defaultSlaPolicyId;
    }

    @JsonSetter("defaultSlaPolicyId")
    public void setDefaultSlaPolicyId(Long defaultSlaPolicyId) {
      this.defaultSlaPolicyId = defaultSlaPolicyId;
      this.defaultSlaPolicyIdPresent = true;
    }

    /** True when the request names the policy at all, even as null. */
    public boolean hasDefaultSlaPolicyId() {
      return defaultSlaPolicyIdPresent;
    }

    public Integer getSkillWaitSeconds() {
      return skillWaitSeconds;
    }

    public void setSkillWaitSeconds(Integer skillWaitSeconds) {
      this.skillWaitSeconds = skillWaitSeconds;
    }
  }
}
