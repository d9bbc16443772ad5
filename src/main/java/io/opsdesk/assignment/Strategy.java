package io.opsdesk.assignment;

/** How a group's new tasks are given out. */
public enum Strategy {
    /** Nobody is assigned: tasks wait in the group's queue until someone claims them (the default). */
    OFF,
    /** In turn: the member after the one who got the group's last task, skipping who is away. */
    ROUND_ROBIN,
    /** To the member with the fewest open tasks assigned to them; a tie goes round in turn. */
    LEAST_OPEN
}
