package dev.tempodesk.api.group;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.group.GroupDtos.GroupDto;
import dev.tempodesk.api.group.GroupDtos.GroupMemberDto;
import dev.tempodesk.api.group.GroupDtos.GroupRequest;
import dev.tempodesk.api.group.GroupDtos.MemberRequest;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.group.GroupRepository.Fields;
import dev.tempodesk.db.group.GroupRepository.Member;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.GroupsRecord;
import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups (issue 21): the checks of a group before it is written, and how the API shows one (with
 * its members' names, its default SLA policy's name and its open tickets). Who may write is decided
 * by the security rules: admins.
 */
@Service
public class Groups {
  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 1000;
  static final int DEFAULT_SKILL_WAIT = 600;

  private final GroupRepository repository;
  private final AgentRepository agents;
  private final SlaPolicyRepository policies;

  Groups(GroupRepository repository, AgentRepository agents, SlaPolicyRepository policies) {
    this.repository = repository;
    this.agents = agents;
    this.policies = policies;
  }

  /** Every group, or with {@code memberId} only that agent's, the default one first. */
  public List<GroupDto> list(Long memberId) {
    return dtos(memberId == null ? repository.listAll() : repository.groupsOf(memberId));
  }

  public GroupDto get(long id) {
    return dtos(List.of(existing(id))).getFirst();
  }

  /** A group by id, or 422 naming {@code field} (a ticket's groupId, a move's target). */
  public GroupsRecord known(Long id, String field) {
    if (id == null) {
      throw FieldException.invalid(field, "A group id is required.");
    }
    return repository
        .find(id)
        .orElseThrow(() -> FieldException.invalid(field, "There is no group #" + id + "."));
  }

  @Transactional
  public GroupDto create(GroupRequest request) {
    Fields fields =
        new Fields(
            name(request.getName()),
            description(request.getDescription()),
            policy(request.getDefaultSlaPolicyId()),
            skillWait(request.getSkillWaitSeconds(), DEFAULT_SKILL_WAIT));
    Map<Long, Boolean> members = members(request.getMembers());
    GroupsRecord row = save(fields, () -> repository.insert(fields));
    repository.replaceMembers(row.getId(), members);
    return get(row.getId());
  }

  @Transactional
  public GroupDto change(long id, GroupRequest request) {
    GroupsRecord before = existing(id);
    Fields fields =
        new Fields(
            request.getName() == null ? before.getName() : name(request.getName()),
            request.getDescription() == null
                ? before.getDescription()
                : description(request.getDescription()),
            request.hasDefaultSlaPolicyId()
                ? policy(request.getDefaultSlaPolicyId())
                : before.getDefaultSlaPolicyId(),
            skillWait(request.getSkillWaitSeconds(), before.getSkillWaitSeconds()));
    Map<Long, Boolean> members =
        request.getMembers() == null ? null : members(request.getMembers());
    save(fields, () -> repository.update(id, fields).orElseThrow(() -> noSuchGroup(id)));
    if (members != null) {
      repository.replaceMembers(id, members);
    }
    return get(id);
  }

  /**
   * Deletes a group that holds no ticket. Tickets are moved one by one, as ordinary ticket updates
   * with a comment ({@code PATCH /api/tickets/{number}} with groupId, or a bulk action over the
   * list filtered by the group); the default group is never deleted.
   */
  public void delete(long id) {
    GroupsRecord group = existing(id);
    if (group.getIsDefault()) {
      throw FieldException.conflict(
          "id", "\"" + group.getName() + "\" is the default group and cannot be deleted.");
    }
    int tickets = repository.ticketCount(id);
    if (tickets > 0) {
      throw FieldException.conflict(
          "tickets",
          "\"%s\" still has %d ticket%s; move %s to another group first (a bulk action over the list filtered by this group, changing the group)."
              .formatted(
                  group.getName(), tickets, tickets == 1 ? "" : "s", tickets == 1 ? "it" : "them"));
    }
    if (!repository.delete(id)) {
      throw FieldException.conflict(
          "tickets", "\"" + group.getName() + "\" got a ticket meanwhile; move it first.");
    }
  }

  private GroupsRecord existing(long id) {
    return repository.find(id).orElseThrow(() -> noSuchGroup(id));
  }

  private static NotFoundException noSuchGroup(long id) {
    return new NotFoundException("There is no group #" + id + ".");
  }

  private static GroupsRecord save(Fields fields, java.util.function.Supplier<GroupsRecord> write) {
    try {
      return write.get();
    } catch (DuplicateKeyException taken) {
      throw FieldException.conflict(
          "name", "A group is already called \"" + fields.name() + "\" (in some case).");
    }
  }

  private static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw FieldException.invalid("name", "A group needs a name.");
    }
    if (name.length() > MAX_NAME) {
      throw FieldException.invalid("name", "At most " + MAX_NAME + " characters.");
    }
    return name;
  }

  private static String description(String raw) {
    String description = raw == null ? "" : raw.strip();
    if (description.length() > MAX_DESCRIPTION) {
      throw FieldException.invalid("description", "At most " + MAX_DESCRIPTION + " characters.");
    }
    return description.isEmpty() ? null : description;
  }

  private static int skillWait(Integer seconds, int otherwise) {
    if (seconds == null) {
      return otherwise;
    }
    if (seconds < 0) {
      throw FieldException.invalid("skillWaitSeconds", "Seconds, at least 0.");
    }
    return seconds;
  }

  private Long policy(Long id) {
    if (id == null) {
      return null;
    }
    return policies
        .find(id)
        .map(SlaPoliciesRecord::getId)
        .orElseThrow(
            () ->
                FieldException.invalid(
                    "defaultSlaPolicyId", "There is no SLA policy #" + id + "."));
  }

  /** The membership as agent id → manager; an agent named twice is a manager if either says so. */
  private Map<Long, Boolean> members(List<MemberRequest> requested) {
    Map<Long, Boolean> members = new LinkedHashMap<>();
    if (requested == null) {
      return members;
    }
    Set<Long> known =
        agents.listAll().stream().map(AgentsRecord::getId).collect(Collectors.toSet());
    Set<Long> unknown = new TreeSet<>();
    for (MemberRequest member : requested) {
      if (member == null || member.agentId() == null) {
        throw FieldException.invalid("members", "Every member needs an agentId.");
      }
      if (!known.contains(member.agentId())) {
        unknown.add(member.agentId());
      }
      members.merge(member.agentId(), Boolean.TRUE.equals(member.manager()), Boolean::logicalOr);
    }
    if (!unknown.isEmpty()) {
      throw FieldException.invalid(
          "members",
          "No such agent: "
              + unknown.stream().map(id -> "#" + id).collect(Collectors.joining(", "))
              + ".");
    }
    return members;
  }

  private List<GroupDto> dtos(List<GroupsRecord> rows) {
    List<Long> ids = rows.stream().map(GroupsRecord::getId).toList();
    Map<Long, List<Member>> members = repository.members(ids);
    Map<Long, Integer> open = repository.openTicketCounts();
    Map<Long, String> policyNames =
        policies.listInOrder().stream()
            .collect(Collectors.toMap(SlaPoliciesRecord::getId, SlaPoliciesRecord::getName));
    Function<GroupsRecord, GroupDto> dto =
        row ->
            new GroupDto(
                row.getId(),
                row.getName(),
                row.getDescription(),
                row.getIsDefault(),
                members.getOrDefault(row.getId(), List.of()).stream()
                    .map(m -> new GroupMemberDto(m.agentId(), m.displayName(), m.manager()))
                    .toList(),
                row.getDefaultSlaPolicyId(),
                row.getDefaultSlaPolicyId() == null
                    ? null
                    : policyNames.get(row.getDefaultSlaPolicyId()),
                row.getSkillWaitSeconds(),
                open.getOrDefault(row.getId(), 0),
                row.getCreatedAt(),
                row.getUpdatedAt());
    return rows.stream().map(dto).toList();
  }
}
